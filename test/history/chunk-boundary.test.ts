// A UTF-8 export larger than the 64 KiB sample used for encoding detection, whose sample ends in the
// middle of a three-byte Chinese character, is still read as UTF-8 (not mis-decoded as GB18030).
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectEncoding } from '../../scripts/history/decode-text.ts';
import { readHistory } from '../../scripts/history/read-history.ts';
import { headerOptionsFromCatalogue } from '../../scripts/history/header-map.ts';
import { loadPolicySet } from '../../scripts/policy/load-policies.ts';
import { readPolicyFiles } from '../../scripts/policy/read-policy-files.ts';
import type { MetricsPolicyData } from '../../scripts/policy/schema/index.ts';

const SAMPLE = 64 * 1024;
const HEADER = 'agent_id,name,shop,team,position,grade,hired,left,acting_roles,accounts\n';
const FIRST = [
  'A001,测试甲,tmall_flagship,tm_t01,agent,P1,2024-01-01,,,天猫旗舰店:小甲\n',
  'A002,测试乙,tmall_flagship,tm_t01,team_lead,L1,2024-01-01,,,天猫旗舰店:小乙;天猫旗舰店:乙备用\n',
];
const row = (i: number, pad: string) => `B${String(i).padStart(4, '0')},${pad}客服员工${i},tmall_flagship,tm_t01,agent,P1,2024-01-01,,,\n`;

/** A roster over 64 KiB whose byte 65,536 falls inside a character. */
function roster(): { bytes: Buffer; rows: number } {
  // Each row is under 100 bytes, so some padding of the first row up to 100 bytes moves a name there.
  for (let k = 0; k < 100; k++) {
    const pad = 'x'.repeat(k);
    let text = HEADER + FIRST.join('');
    let n = 0;
    while (Buffer.byteLength(text) < SAMPLE + 1024) text += row(++n, n === 1 ? pad : '');
    const bytes = Buffer.from(text, 'utf8');
    // 10xxxxxx is a continuation byte: the sample's last character is cut.
    if ((bytes[SAMPLE]! & 0xc0) === 0x80) return { bytes, rows: n };
  }
  throw new Error('no padding puts a character across the boundary');
}

describe('encoding detection at the 64 KiB sample boundary', () => {
  const { bytes, rows } = roster();

  it('builds a file whose first 64 KiB end inside a multi-byte character', () => {
    expect(bytes.length).toBeGreaterThan(SAMPLE);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, SAMPLE))).toThrow();
  });

  it('detects UTF-8 from the cut sample', () => {
    expect(detectEncoding(bytes.subarray(0, SAMPLE))).toBe('utf8');
  });

  it('reads every Chinese name intact', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chunk-'));
    cpSync('test/fixtures/data/valid', dir, { recursive: true });
    writeFileSync(join(dir, 'roster.csv'), bytes);
    const catalogue = loadPolicySet(readPolicyFiles(['policies/metrics.yaml'])).set.policies[0]!.data as MetricsPolicyData;
    const { history, problems } = await readHistory(dir, { ...headerOptionsFromCatalogue(catalogue), grades: { agent: ['P1'], team_lead: ['L1'] } });
    expect(problems).toEqual([]);
    expect(history.agents).toHaveLength(rows + 2);
    expect(history.agents[0]!.name).toBe('测试甲');
    for (const [i, a] of history.agents.slice(3).entries()) expect(a.name).toBe(`客服员工${i + 2}`);
  });
});
