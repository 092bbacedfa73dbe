// `simulate --lang en` on a real proposal (a throw-away git repository with a base and a head
// commit): the rule-change sentences and the incentive-risk section appear and are English, and
// nothing the command prints or writes for people to read (stdout, stderr, the Markdown and CSV
// reports) holds a Han character. The JSON keeps the Chinese text its schema describes.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { editFile, repoWith, simulate } from '../compare/throwaway-repo.ts';

const HAN = /\p{Script=Han}/u;
const hanLines = (text: string) => text.split('\n').filter((l) => HAN.test(l));

describe('simulate --lang en on a rule change', () => {
  let dir: string;
  beforeAll(() => {
    dir = repoWith((d) => {
      // Whole-amount → marginal tiers removes cliffs: the incentive section appears.
      editFile(d, 'sales-commission.v2.yaml', (s) => s.replace(/method: whole/, 'method: marginal'));
      editFile(d, 'step-bonus-conversion.yaml', (s) => s.replace('amount_per_step: 400', 'amount_per_step: 500').replace('达到 **50%** 奖 800 元', '达到 **50%** 奖 900 元'));
      editFile(d, 'salary-ladder.yaml', (s) => s.replace('base_pay: 3000', 'base_pay: 2000'));
      // A dropped item and a retitled one: the quiz's dead zone goes, the title is free text.
      editFile(d, 'scorecard.yaml', (s) => s.replace(/      - id: quiz\n[\s\S]*?\{ from: 90, points: 4 \}\n/, '').replace('title: 出勤\n        points: 6', 'title: 出勤率\n        points: 10'));
    });
  });

  it('prints the report, and writes Markdown and CSV, with no Chinese', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'lang-en-')), 'impact');
    const r = simulate(dir, ['--lang', 'en', '--format', 'all', '--out', out]);
    expect(r.code, r.stderr).toBe(2); // the base-pay cut breaks a blocking guardrail
    const md = readFileSync(`${out}.md`, 'utf8');
    expect(md).toMatch(/^### Rule changes$/m);
    expect(md).toContain('  - amount per step ¥400.00 → ¥500.00');
    expect(md).toContain('  - summary: a sentence reworded');
    expect(md).toContain('  - tier method whole-amount tiers → marginal tiers');
    expect(md).toContain('  - position agent › grade P1 › base pay ¥3,000.00 → ¥2,000.00');
    expect(md).toContain('  - personnel › removed quiz');
    expect(md).toContain('  - personnel › attendance › title reworded');
    expect(md).toMatch(/^### Incentive risks$/m);
    expect(md).toMatch(/^- tmall_flagship agent: crossing ¥40,000\.00 in sales moves monthly pay up by about ¥400\.00/m);
    // Values with a unit read in English: the quiz's dead zone is in points, not 分.
    expect(md).toMatch(/quiz_score between [\d\\.]+ points and [\d\\.]+ points: doing better pays no more/);
    // Aliases name the position by id.
    expect(md).toMatch(/\| (agent|team_lead)-[0-9A-F]{6} \|/);
    expect(hanLines(md)).toEqual([]);
    expect(hanLines(readFileSync(`${out}.csv`, 'utf8'))).toEqual([]);
    expect(hanLines(r.stdout + r.stderr)).toEqual([]);
  });

  it('prints the same report to stdout in English', () => {
    const r = simulate(dir, ['--lang', 'en']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toMatch(/^### Incentive risks$/m);
    expect(hanLines(r.stdout + r.stderr)).toEqual([]);
  });
});
