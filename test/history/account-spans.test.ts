// Sub-accounts change hands: the roster dates who held an account, and each month's figures go to
// whoever held it then. Undated accounts keep meaning "always".
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHistory } from '../../scripts/history/read-history.ts';
import { renderProblem } from '../../scripts/i18n/render-problem.ts';

const HEADER = { headerMap: { 询单人数: 'inquiries' }, ignoredHeaders: [], metricUnits: { inquiries: 'count' } };

function dir(roster: string[], metrics: string[]): string {
  const d = mkdtempSync(join(tmpdir(), 'spans-'));
  writeFileSync(join(d, 'roster.csv'), ['agent_id,name,shop,team,position,grade,hired,left,acting_roles,accounts', ...roster].join('\n') + '\n');
  writeFileSync(join(d, 'metrics.csv'), ['旺旺昵称,统计周期,询单人数', ...metrics].join('\n') + '\n');
  return d;
}

const LEAVER = 'B1,甲,s,t,agent,P1,2024-01-01,2026-06-30,,店:小雪@~2026-06-30;店:甲二';
const NEW_HIRE = 'B2,乙,s,t,agent,P1,2026-07-01,,,店:小雪@2026-07-01~';

describe('dated accounts on the roster', () => {
  it('gives each month to whoever held the account then', async () => {
    const { history, problems } = await readHistory(dir([LEAVER, NEW_HIRE], ['店:小雪,2026-06,100', '店:小雪,2026-07,200', '店:甲二,2026-05,5']), HEADER);
    expect(problems).toEqual([]);
    expect(history.metrics.map((m) => [m.agent, m.period, m.values.inquiries])).toEqual([
      ['B1', '2026-05', 5],
      ['B1', '2026-06', 100],
      ['B2', '2026-07', 200],
    ]);
    expect(history.agents.map((a) => a.accounts)).toEqual([['店:小雪', '店:甲二'], ['店:小雪']]);
  });

  it('gives a month the account changed hands in to who held it for more of its days', async () => {
    const roster = ['C1,甲,s,t,agent,P1,2024-01-01,2026-07-10,,店:小雪@~2026-07-10', 'C2,乙,s,t,agent,P1,2026-07-11,,,店:小雪@2026-07-11~'];
    const { history } = await readHistory(dir(roster, ['店:小雪,2026-07,200']), HEADER);
    expect(history.metrics.map((m) => m.agent)).toEqual(['C2']);
  });

  it('refuses the same account held by two people at once', async () => {
    const { problems } = await readHistory(dir([LEAVER, 'B2,乙,s,t,agent,P1,2026-06-01,,,店:小雪@2026-06-01~'], ['店:小雪,2026-05,1']), HEADER);
    expect(problems.map((p) => [p.code, p.line, p.params.other])).toEqual([['duplicate_account', 3, 'B1']]);
  });

  it('reports a month nobody held the account, with the closest roster entries and their dates', async () => {
    const { problems } = await readHistory(dir([LEAVER], ['店:小雪,2026-08,1']), HEADER);
    expect(problems.map((p) => [p.code, p.line, p.column])).toEqual([['unknown_account', 2, 1]]);
    const text = renderProblem(problems[0]!, 'zh');
    expect(text.message).toBe('2026-08 花名册中没有人持有旺旺昵称「店:小雪」');
    expect(text.hint).toContain('店:小雪(B1,~2026-06-30)');
  });

  it('reports a malformed date in an account entry', async () => {
    const { problems } = await readHistory(dir(['D1,甲,s,t,agent,P1,2024-01-01,,,店:小雪@2026-13-01~'], []), HEADER);
    expect(problems.map((p) => [p.code, p.line, p.params.value])).toContainEqual(['bad_date', 2, '2026-13-01']);
  });
});
