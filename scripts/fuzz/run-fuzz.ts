// Feeds generated policies and data sets (valid and mutated) through validation and replay. Every
// case must end in one of two ways: located problems with wording (never a crash, never a hang),
// or a replay whose results satisfy the engine's invariants (lines add up to the total, every
// amount a safe integer of fen, pool payouts add up to the pool). Deterministic for a seed.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mulberry32, type Rng } from '../generate/prng.ts';
import { generateHistory } from '../generate/generate-history.ts';
import { assemblePolicySet, loadPolicySource, type LoadedSource, type PolicySource } from '../policy/load-policies.ts';
import { readPolicyFiles } from '../policy/read-policy-files.ts';
import type { PolicySet } from '../policy/model.ts';
import { historyMonths, loadHistoryOrThrow } from '../app/load-inputs.ts';
import { ProblemsError, type Problem } from '../lib/problem.ts';
import { knownCodes, renderProblem } from '../i18n/render-problem.ts';
import { replay } from '../engine/replay.ts';
import type { ReplayResult } from '../engine/types.ts';
import type { History } from '../history/types.ts';

export interface FuzzOptions {
  cases: number;
  seed: number;
  policiesDir?: string;
  /** Called every `every` cases with the count so far. */
  progress?: (done: number) => void;
  every?: number;
}

export interface FuzzFailure {
  case: number;
  kind: 'policy' | 'data';
  reason: string;
  /** The mutated input, to reproduce the failure. */
  input: string;
}

export interface FuzzReport {
  cases: number;
  policyCases: number;
  dataCases: number;
  /** Cases that ended in located problems. */
  rejected: number;
  /** Cases that replayed and satisfied every invariant. */
  replayed: number;
  failures: FuzzFailure[];
  slowestMs: number;
  seconds: number;
}

const TODAY = '2026-11-23';

/** Values a careless or hostile hand puts in a YAML number or date. */
const YAML_VALUES = ['1e308', '-3000', '50', '9007199254740993', '0', '-0', '0.0000001', '.nan', '.inf', '-.inf', '"800"', 'null', '[]', '{}', '~', '2024-02-30', '9999-12-31', '0001-01-01', '99999999999', '-1', '1.005', '0.123456789', 'constructor', '__proto__', '"client_bb"', '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]'];
/** Fragments inserted anywhere. */
const YAML_NOISE = ['\t', '"', "'", '{', '}', '[', ']', ':', ': ', '- ', '&a ', '*a', '!!js/function ', '\u0000', '\uFFFD', '#', '\n', '\n  ', '?', '|', '>', '%', '@', '`', '（', '：'];
/** Values a careless export puts in a CSV cell. */
const CELL_VALUES = ['', '-1', '1e20', '100000000000000000000', 'abc', '52%', '150%', '-5%', '1,234.567', '2024-02-30', '9999-12', '0001-01', '2026-W53', '2026-W99', '2027-W53', '0', '0.5', '¥100', '"', '""', 'A999', 'client_bb', 'tmall_flagshp', '汇总值', '1,000,000,000,000', 'NaN', 'Infinity', '0x10', ' 12 ', '12.', '.5', '+3', '1' + '0'.repeat(400)];

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;

function mutateYaml(text: string, rng: Rng): string {
  const lines = text.split('\n');
  switch (Math.floor(rng() * 8)) {
    case 0:
    case 1: {
      // Replace a number, date or word after a colon or in a flow list with a hostile value.
      const spots = [...text.matchAll(/(?<=[:,[]\s*)(-?\d[\d.e+-]*|\d{4}-\d{2}-\d{2}|[a-z_][a-z0-9_]*)(?=\s*[,}\]\n]|$)/g)];
      if (!spots.length) return text;
      const m = pick(rng, spots);
      return text.slice(0, m.index) + pick(rng, YAML_VALUES) + text.slice(m.index + m[0].length);
    }
    case 2: {
      // A typo in an identifier.
      const ids = [...text.matchAll(/\b[a-z][a-z0-9_]{3,}\b/g)];
      if (!ids.length) return text;
      const m = pick(rng, ids);
      const i = m.index + Math.floor(rng() * m[0].length);
      return text.slice(0, i) + pick(rng, ['x', '_', '', m[0][i - m.index]! + m[0][i - m.index]!]) + text.slice(i + 1);
    }
    case 3:
      lines.splice(Math.floor(rng() * lines.length), 1);
      return lines.join('\n');
    case 4: {
      const i = Math.floor(rng() * lines.length);
      lines.splice(i, 0, lines[i]!);
      return lines.join('\n');
    }
    case 5: {
      const i = Math.floor(rng() * text.length);
      return text.slice(0, i) + pick(rng, YAML_NOISE) + text.slice(i);
    }
    case 6: {
      // Formula damage: an operator, a parenthesis or a name inserted inside a quoted formula.
      const f = [...text.matchAll(/formula: "([^"]*)"/g)];
      if (!f.length) return text.slice(0, Math.floor(rng() * text.length));
      const m = pick(rng, f);
      const at = m.index + 10 + Math.floor(rng() * (m[1]!.length + 1));
      return text.slice(0, at) + pick(rng, [' * ', '(', ')', '-', '--', 'constructor', 'x', ' / 0', ',', 'if(', 'round(', '# ', '1e999']) + text.slice(at);
    }
    default:
      // Truncated file.
      return text.slice(0, Math.floor(rng() * text.length));
  }
}

function mutateCsv(files: Record<string, string>, rng: Rng): Record<string, string> {
  const out = { ...files };
  const names = Object.keys(out);
  const name = pick(rng, names);
  const rows = out[name]!.split('\n');
  switch (Math.floor(rng() * 9)) {
    case 0:
    case 1:
    case 2: {
      // A hostile value in one cell.
      const r = 1 + Math.floor(rng() * Math.max(1, rows.length - 2));
      const cells = (rows[r] ?? '').split(',');
      cells[Math.floor(rng() * cells.length)] = pick(rng, CELL_VALUES);
      rows[r] = cells.join(',');
      break;
    }
    case 3: {
      // A column dropped (header and cells).
      const c = Math.floor(rng() * rows[0]!.split(',').length);
      for (let r = 0; r < rows.length; r++) if (rows[r]) rows[r] = rows[r]!.split(',').filter((_, i) => i !== c).join(',');
      break;
    }
    case 4:
      rows.splice(1 + Math.floor(rng() * Math.max(1, rows.length - 1)), 1);
      break;
    case 5: {
      const r = 1 + Math.floor(rng() * Math.max(1, rows.length - 2));
      rows.splice(r, 0, rows[r] ?? '');
      break;
    }
    case 6:
      delete out[name];
      return out;
    case 7:
      out[name] = rng() < 0.5 ? (rows[0] ?? '') + '\n' : '';
      return out;
    default: {
      const i = Math.floor(rng() * out[name]!.length);
      out[name] = out[name]!.slice(0, i) + pick(rng, ['"', ',', '\n', '\r', '\uFFFD', '\u0000', '\xff']) + out[name]!.slice(i);
      return out;
    }
  }
  out[name] = rows.join('\n');
  return out;
}

/** Problems must be located, worded in both languages and free of placeholders or leaked objects. */
function checkProblems(problems: readonly Problem[], known: ReadonlySet<string>): string | undefined {
  if (!problems.some((p) => p.severity === 'error')) return 'rejected without an error';
  for (const p of problems) {
    if (!known.has(p.code)) return `code without wording: ${p.code}`;
    if (Object.values(p.params).some((v) => typeof v === 'number' && !Number.isFinite(v))) return `non-finite parameter in ${p.code}: ${JSON.stringify(p.params)}`;
    if (!p.file || !Number.isInteger(p.line) || p.line < 0 || !Number.isInteger(p.column) || p.column < 0) return `unlocated problem ${JSON.stringify(p)}`;
    for (const lang of ['zh', 'en'] as const) {
      const r = renderProblem(p, lang);
      const text = `${r.message} ${r.hint ?? ''}`;
      if (/\{[a-z_]+\}|undefined|\[object |function \w*\(/.test(text)) return `bad wording (${lang}) for ${p.code}: ${text.slice(0, 200)}`;
      if (text.length > 2000) return `message too long for ${p.code}: ${text.length}`;
    }
  }
  return undefined;
}

/** The engine's invariants over a replay. */
export function checkInvariants(result: ReplayResult): string | undefined {
  for (const s of result.payslips) {
    let sum = 0;
    for (const l of s.lines) {
      if (!Number.isSafeInteger(l.amount_fen)) return `${s.agent} ${s.period} line ${l.id}: ${l.amount_fen} is not whole fen`;
      sum += l.amount_fen;
    }
    if (sum !== s.total_fen) return `${s.agent} ${s.period}: lines add up to ${sum}, total is ${s.total_fen}`;
    if (!Number.isSafeInteger(s.total_fen)) return `${s.agent} ${s.period}: total ${s.total_fen}`;
  }
  for (const p of result.pools) {
    if (!Number.isSafeInteger(p.pool_fen)) return `pool ${p.shop} ${p.period}: ${p.pool_fen}`;
    const paid = p.payouts.reduce((a, x) => a + x.amount_fen, 0);
    if (p.payouts.length && paid !== p.pool_fen) return `pool ${p.shop} ${p.period}: payouts ${paid} ≠ pool ${p.pool_fen}`;
  }
  return undefined;
}

function replayAll(set: PolicySet, history: History): string | undefined {
  const range = historyMonths(history);
  if (!range.from) return undefined;
  return checkInvariants(replay(set, history, range));
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const t0 = performance.now();
  const known = new Set(knownCodes());
  const sources: PolicySource[] = readPolicyFiles([options.policiesDir ?? 'policies']).sort((a, b) => a.file.localeCompare(b.file));
  const loaded: LoadedSource[] = sources.map(loadPolicySource);
  const baseSet = assemblePolicySet(loaded, { today: TODAY }).set;

  // A small synthetic history: every file a policy in force needs, a few agents and months.
  const work = mkdtempSync(join(tmpdir(), 'pp-fuzz-'));
  const baseDir = join(work, 'base');
  generateHistory({ agents: 4, months: 2, seed: options.seed, end: '2026-10', out: baseDir });
  const baseFiles = Object.fromEntries(readdirSync(baseDir).map((f) => [f, readFileSync(join(baseDir, f), 'utf8')]));
  const baseHistory = (await loadHistoryOrThrow(baseDir, baseSet)).history;
  const caseDir = join(work, 'case');

  const report: FuzzReport = { cases: 0, policyCases: 0, dataCases: 0, rejected: 0, replayed: 0, failures: [], slowestMs: 0, seconds: 0 };
  try {
    for (let i = 0; i < options.cases; i++) {
      const rng = mulberry32(options.seed * 1_000_003 + i);
      const started = performance.now();
      const policyCase = rng() < 0.5;
      const mutations = rng() < 0.05 ? 0 : 1 + Math.floor(rng() * 3);
      let input = '';
      try {
        if (policyCase) {
          report.policyCases += 1;
          const k = Math.floor(rng() * sources.length);
          let text = sources[k]!.text;
          for (let m = 0; m < mutations; m++) text = mutateYaml(text, rng);
          input = `${sources[k]!.file}\n${text}`;
          const one = loadPolicySource({ file: sources[k]!.file, text });
          const { set, problems } = assemblePolicySet(loaded.map((l, j) => (j === k ? one : l)), { today: TODAY });
          if (problems.some((p) => p.severity === 'error')) {
            const bad = checkProblems(problems, known);
            if (bad) throw new Error(bad);
            report.rejected += 1;
          } else {
            const bad = replayAll(set, baseHistory);
            if (bad) throw new Error(bad);
            report.replayed += 1;
          }
        } else {
          report.dataCases += 1;
          let files = baseFiles;
          for (let m = 0; m < mutations; m++) files = mutateCsv(files, rng);
          input = Object.entries(files).map(([f, t]) => `== ${f}\n${t.slice(0, 4000)}`).join('\n');
          rmSync(caseDir, { recursive: true, force: true });
          mkdirSync(caseDir);
          for (const [f, t] of Object.entries(files)) writeFileSync(join(caseDir, f), t.includes('\xff') ? Buffer.from(t, 'latin1') : t);
          let history: History | undefined;
          try {
            history = (await loadHistoryOrThrow(caseDir, baseSet)).history;
          } catch (e) {
            if (!(e instanceof ProblemsError)) throw e;
            const bad = checkProblems(e.problems, known);
            if (bad) throw new Error(bad);
            report.rejected += 1;
          }
          if (history) {
            const bad = replayAll(baseSet, history);
            if (bad) throw new Error(bad);
            report.replayed += 1;
          }
        }
      } catch (e) {
        report.failures.push({ case: i, kind: policyCase ? 'policy' : 'data', reason: e instanceof Error ? `${e.message}\n${e.stack ?? ''}`.slice(0, 2000) : String(e), input: input.slice(0, 20_000) });
      }
      report.cases += 1;
      report.slowestMs = Math.max(report.slowestMs, performance.now() - started);
      if (options.progress && options.every && (i + 1) % options.every === 0) options.progress(i + 1);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  report.seconds = (performance.now() - t0) / 1000;
  return report;
}
