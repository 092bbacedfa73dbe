// What counts as a change of the rules (as data, not text), which changes the guardrails or the
// reading of the export, and which versions start after the replayed months; and when the alias
// secret is required. In process, rule by rule.
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson, changesAfter, guardrailsDiffer, policiesDiffer, readingDiffers } from '../../scripts/compare/policy-diff.ts';
import { BUNDLED_SAMPLE, checkAliasSecret, inCi, isBundledSample } from '../../scripts/compare/alias-secret.ts';
import { UserError } from '../../scripts/lib/user-error.ts';
import { loadPolicySet, type PolicySource } from '../../scripts/policy/load-policies.ts';
import { MINI_METRICS, miniGuardrails, miniLadder, miniSet, miniStepBonus } from '../engine/mini-policies.ts';

const GUARDRAILS: PolicySource = miniGuardrails('{ id: share, type: share_losing, max_percent: 20, action: block }');
const edit = (s: PolicySource, from: string, to: string): PolicySource => ({ ...s, text: s.text.replace(from, to) });

describe('canonicalJson', () => {
  it('sorts object keys at every depth, keeps array order and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null }, u: undefined })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
    expect(canonicalJson([{ y: 'x', x: 'y' }])).toBe('[{"x":"y","y":"x"}]');
    expect(canonicalJson('文字')).toBe('"文字"');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson(0)).toBe('0');
  });
});

describe('policy differences', () => {
  const base = miniSet(miniLadder(['step_bonus']), miniStepBonus(), GUARDRAILS);

  it('sees no change in comments, key order or file names', () => {
    const same = miniSet(
      { ...miniLadder(['step_bonus']), file: 'mini/ladder-renamed.yaml', text: `# 注释\n${miniLadder(['step_bonus']).text}` },
      edit(miniStepBonus(), 'threshold: 0.5\n  amount: 800', 'amount: 800\n  threshold: 0.5'),
      GUARDRAILS,
    );
    expect(policiesDiffer(base, same)).toBe(false);
    expect(guardrailsDiffer(base, same)).toBe(false);
    expect(readingDiffers(base, same)).toBe(false);
  });

  it('sees a changed amount as a change of the rules, but not of the guardrails or the reading', () => {
    const head = miniSet(miniLadder(['step_bonus']), edit(miniStepBonus(), 'amount_per_step: 400', 'amount_per_step: 200'), GUARDRAILS);
    expect(policiesDiffer(base, head)).toBe(true);
    expect(guardrailsDiffer(base, head)).toBe(false);
    expect(readingDiffers(base, head)).toBe(false);
  });

  it('sees a guardrail edit and a deleted guardrails policy', () => {
    const laxer = miniSet(miniLadder(['step_bonus']), miniStepBonus(), edit(GUARDRAILS, 'max_percent: 20', 'max_percent: 90'));
    expect(guardrailsDiffer(base, laxer)).toBe(true);
    expect(policiesDiffer(base, laxer)).toBe(true);
    const none = miniSet(miniLadder(['step_bonus']), miniStepBonus());
    expect(guardrailsDiffer(base, none)).toBe(true);
  });

  it('sees a changed grade or a remapped export column as a different reading', () => {
    const other = miniSet(edit(miniLadder(['step_bonus']), 'base_pay: 3000', 'base_pay: 3100'), miniStepBonus(), GUARDRAILS);
    expect(readingDiffers(base, other)).toBe(true);
    const remapped = loadPolicySet([edit(MINI_METRICS, 'headers: [询单人数]', 'headers: [咨询人数]'), miniLadder(['step_bonus']), miniStepBonus(), GUARDRAILS]);
    expect(remapped.problems).toEqual([]);
    expect(readingDiffers(base, remapped.set)).toBe(true);
    expect(guardrailsDiffer(base, remapped.set)).toBe(false);
  });
});

describe('changesAfter', () => {
  // File names sort against the order expected, so the sort is what puts them right.
  const later = (version: number, from: string, amount: number): PolicySource => ({
    file: `mini/${version === 3 ? 'a-' : ''}step-bonus.v${version}.yaml`,
    text: miniStepBonus().text.replace('version: 1', `version: ${version}`).replace('effective_from: 2024-01-01', `effective_from: ${from}`).replace('amount: 800', `amount: ${amount}`),
  });
  const v1 = edit(miniStepBonus(), 'title: 转化率阶梯奖金', 'title: 转化率阶梯奖金\neffective_to: 2026-11-30');

  it('lists versions the proposal adds or edits that start after the last replayed day, earliest first', () => {
    const base = miniSet(miniLadder(['step_bonus']), v1);
    const v1b = edit(v1, 'effective_to: 2026-11-30', 'effective_to: 2026-12-31');
    const v2 = edit(later(2, '2027-01-01', 600), 'effective_from: 2027-01-01', 'effective_from: 2027-01-01\neffective_to: 2027-01-31');
    const head = miniSet(miniLadder(['step_bonus']), v1b, later(3, '2027-02-01', 700), v2);
    expect(changesAfter(base, head, '2026-12-31')).toEqual([
      { kind: 'pay_plan', id: 'step_bonus', version: 2, effective_from: '2027-01-01', file: 'mini/step-bonus.v2.yaml' },
      { kind: 'pay_plan', id: 'step_bonus', version: 3, effective_from: '2027-02-01', file: 'mini/a-step-bonus.v3.yaml' },
    ]);
  });

  it('does not list a version that starts on the last replayed day, or one the base already has', () => {
    const v2 = later(2, '2026-12-01', 600);
    const base = miniSet(miniLadder(['step_bonus']), v1, v2);
    const head = miniSet(miniLadder(['step_bonus']), v1, v2);
    expect(changesAfter(base, head, '2026-11-30')).toEqual([]);
    expect(changesAfter(miniSet(miniLadder(['step_bonus']), v1), head, '2026-12-01')).toEqual([]);
    expect(changesAfter(miniSet(miniLadder(['step_bonus']), v1), head, '2026-11-30').map((c) => c.version)).toEqual([2]);
  });

  it('lists an edited future version even when its number is unchanged', () => {
    const base = miniSet(miniLadder(['step_bonus']), v1, later(2, '2026-12-01', 600));
    const head = miniSet(miniLadder(['step_bonus']), v1, later(2, '2026-12-01', 650));
    expect(changesAfter(base, head, '2026-11-30').map((c) => [c.version, c.effective_from])).toEqual([[2, '2026-12-01']]);
  });

  it('orders versions starting the same day by id', () => {
    const other: PolicySource = { file: 'mini/z-bonus.yaml', text: later(2, '2027-01-01', 600).text.replace('id: step_bonus', 'id: a_bonus').replace('version: 2', 'version: 1') };
    const head = miniSet(miniLadder(['step_bonus']), v1, later(2, '2027-01-01', 600), other);
    expect(changesAfter(miniSet(miniLadder(['step_bonus']), v1), head, '2026-12-31').map((c) => c.id)).toEqual(['a_bonus', 'step_bonus']);
  });
});

describe('the alias secret', () => {
  const real = mkdtempSync(join(tmpdir(), 'history-'));

  it('knows CI by CI or GITHUB_ACTIONS set to anything but empty, false or 0', () => {
    expect(inCi({ CI: 'true' })).toBe(true);
    expect(inCi({ CI: '1' })).toBe(true);
    expect(inCi({ GITHUB_ACTIONS: 'true' })).toBe(true);
    expect(inCi({ CI: 'false', GITHUB_ACTIONS: 'yes' })).toBe(true);
    expect(inCi({})).toBe(false);
    expect(inCi({ CI: '' })).toBe(false);
    expect(inCi({ CI: 'false' })).toBe(false);
    expect(inCi({ CI: '0', GITHUB_ACTIONS: '0' })).toBe(false);
  });

  it('refuses real history in CI without the secret, saying how to set one', () => {
    expect(() => checkAliasSecret(real, { CI: 'true' }, real)).toThrow(UserError);
    expect(() => checkAliasSecret(real, { CI: 'true' }, real)).toThrow(/PAY_ALIAS_SECRET/);
    try {
      checkAliasSecret(real, { CI: 'true' }, real);
    } catch (e) {
      expect((e as UserError).hint).toContain('openssl rand -hex 32');
    }
  });

  it('warns on a laptop, and says nothing with a secret or for the bundled sample', () => {
    expect(checkAliasSecret(real, {}, real)).toMatch(/^警告:未设置 PAY_ALIAS_SECRET/);
    // The warning ends with how to set one, in the reader's language.
    expect(checkAliasSecret(real, {}, real)).toMatch(/报告不要外传。在仓库 Settings → Secrets and variables → Actions 中新建 secret `PAY_ALIAS_SECRET`.*轮换方法见 docs\/report\.md$/);
    expect(checkAliasSecret(real, {}, real, 'en')).toMatch(/^warning: PAY_ALIAS_SECRET is not set.*do not share the report\. create the secret .*how to rotate it$/);
    expect(checkAliasSecret(real, { PAY_ALIAS_SECRET: 'k' }, real)).toBeUndefined();
    expect(checkAliasSecret(real, { CI: 'true', PAY_ALIAS_SECRET: 'k' }, real)).toBeUndefined();
    expect(checkAliasSecret(BUNDLED_SAMPLE, { CI: 'true' }, real)).toBeUndefined();
    // An empty secret is no secret.
    expect(checkAliasSecret(real, { PAY_ALIAS_SECRET: '' }, real)).toMatch(/^警告/);
  });

  it('recognises the bundled sample by its real path, through a link, or as data/sample of the checkout', () => {
    expect(isBundledSample(BUNDLED_SAMPLE, real)).toBe(true);
    const link = join(mkdtempSync(join(tmpdir(), 'link-')), 'sample');
    symlinkSync(BUNDLED_SAMPLE, link);
    expect(isBundledSample(link, real)).toBe(true);
    expect(isBundledSample(real, real)).toBe(false);
    expect(isBundledSample('data/sample', resolve(BUNDLED_SAMPLE, '../..'))).toBe(true);
    // A checkout's own data/sample (another clone) counts, even where it does not exist yet.
    expect(isBundledSample(join(real, 'data/sample'), real)).toBe(true);
    expect(isBundledSample(join(real, 'data/other'), real)).toBe(false);
  });
});
