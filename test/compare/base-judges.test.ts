// The base judges: guardrails always come from the base ref, never from the proposal, and a
// proposal that edits its own guardrails or the judging code says so and needs approval (exit 2).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cutBasePay, DATA, editFile, repoWith, simulate, simulateJson } from './throwaway-repo.ts';

describe('simulate --base: guardrails are the base\'s', () => {
  let warned: string;
  beforeAll(() => {
    warned = repoWith((dir) => {
      cutBasePay(dir);
      editFile(dir, 'guardrails.yaml', (s) => s.replaceAll('action: block', 'action: warn'));
    });
  });

  it('blocks a pay cut that turns every guardrail into a warning in the same commit, naming the guardrail change', () => {
    const r = simulate(warned);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('护栏规则被修改');
    expect(r.stdout).toMatch(/\| ❌ \| 个人降薪幅度\(`individual_loss`\) \| 阻止合并 \|/);
  });

  it('reports the decision fields in the JSON: changed, blocked, guardrails_changed, code_changed', () => {
    const { code, json } = simulateJson(warned);
    expect(code).toBe(2);
    expect(json).toMatchObject({ changed: true, blocked: true, guardrails_changed: true, code_changed: false, guardrails_ref: 'HEAD~1' });
    expect(json.block_reasons).toEqual(['guardrail', 'guardrails_changed']);
    expect(json.guardrails.find((g) => g.id === 'individual_loss')).toMatchObject({ action: 'block', status: 'block' });
  });

  it('blocks a pay cut that deletes guardrails.yaml', () => {
    const gone = repoWith((dir) => {
      cutBasePay(dir);
      rmSync(join(dir, 'policies/guardrails.yaml'));
    });
    const { code, json } = simulateJson(gone);
    expect(code).toBe(2);
    expect(json.guardrails_changed).toBe(true);
    expect(json.guardrails.length).toBeGreaterThan(0);
  });

  it('needs approval for a guardrail edit alone, even one that changes nobody\'s pay', () => {
    const tightened = repoWith((dir) => editFile(dir, 'guardrails.yaml', (s) => s.replace('max_percent: 10, action: block', 'max_percent: 8, action: block')));
    const { code, json } = simulateJson(tightened);
    expect(code).toBe(2);
    expect(json).toMatchObject({ changed: true, guardrails_changed: true, block_reasons: ['guardrails_changed'] });
  });

  it('says nothing changed when only comments and key order of the guardrails differ', () => {
    const same = repoWith((dir) =>
      editFile(dir, 'guardrails.yaml', (s) => s.replace('{ id: minimum_wage, type: minimum_wage, amount: 2690, action: block }', '{ type: minimum_wage, action: block, amount: 2690, id: minimum_wage } # 调整顺序')),
    );
    const { code, json } = simulateJson(same);
    expect(code).toBe(0);
    expect(json).toMatchObject({ changed: false, blocked: false, guardrails_changed: false, code_changed: false, block_reasons: [] });
  });
});

describe('simulate --base: changes to the judging code', () => {
  it('flags an edit under scripts/ as 计算代码被修改 and needs approval', () => {
    const edited = repoWith((dir) => writeFileSync(join(dir, 'scripts/compare/evaluate-guardrails.ts'), '// nothing is ever blocked\n'), { withScripts: true });
    const r = simulate(edited);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('计算代码被修改');
    expect(r.stdout).toContain('`scripts/compare/evaluate-guardrails.ts`');
    const { json } = simulateJson(edited);
    expect(json).toMatchObject({ changed: true, code_changed: true, code_changed_files: ['scripts/compare/evaluate-guardrails.ts'], block_reasons: ['code_changed'] });
  });

  it('flags a new workflow file, uncommitted, in the working tree', () => {
    const dir = repoWith(() => {});
    mkdirSync(join(dir, '.github/workflows'), { recursive: true });
    writeFileSync(join(dir, '.github/workflows/x.yml'), 'on: push\n');
    const { code, json } = simulateJson(dir);
    expect(code).toBe(2);
    expect(json.code_changed_files).toEqual(['.github/workflows/x.yml']);
  });
});

describe('simulate --head-dir: this code judges another checkout', () => {
  it('reads the proposal\'s policies and git from --head-dir, and writes --out relative to where it was called', () => {
    const proposal = repoWith((dir) => editFile(dir, 'step-bonus-conversion.yaml', (s) => s.replace('amount_per_step: 400', 'amount_per_step: 500')));
    const elsewhere = mkdtempSync(join(tmpdir(), 'judge-'));
    const r = simulate(elsewhere, ['--head-dir', proposal, '--out', 'impact.md']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(elsewhere, 'impact.md'), 'utf8')).toContain('每档奖金 ¥400.00 → ¥500.00');
    expect(simulate(elsewhere, ['--head-dir', proposal]).stdout).toBe(simulate(proposal).stdout);
    expect(simulate(elsewhere, ['--head-dir', proposal]).stdout).toContain('每档奖金 ¥400.00 → ¥500.00');
  });

  it('exits 1 when --head-dir is not a directory', () => {
    const r = simulate(DATA, ['--head-dir', join(DATA, 'nope')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--head-dir');
  });
});
