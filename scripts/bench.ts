// npm run bench [-- --agents 4000 --months 36]: generates a large synthetic history, then measures
// (1) reading it, (2) one full replay, (3) a base-vs-head comparison — throughput and peak memory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineCommand } from 'citty';
import { generateHistory } from './generate/generate-history.ts';
import { replay } from './engine/replay.ts';
import { historyMonths, loadHistoryOrThrow, loadPoliciesOrThrow } from './lib/load-inputs.ts';
import { comparePayroll } from './compare/compare-payroll.ts';
import { loadPolicySet } from './policy/load-policies.ts';
import { readPolicyFiles } from './policy/read-policy-files.ts';
import { runCli } from './lib/cli.ts';

let peak = 0;
function sample(): void {
  peak = Math.max(peak, process.memoryUsage().rss);
}

async function measure<T>(label: string, units: number, unitName: string, fn: () => T | Promise<T>): Promise<T> {
  global.gc?.();
  peak = process.memoryUsage().rss;
  const timer = setInterval(sample, 5);
  const t0 = performance.now();
  const out = await fn();
  const secs = (performance.now() - t0) / 1000;
  clearInterval(timer);
  sample();
  console.log(`${label.padEnd(28)} ${secs.toFixed(2).padStart(6)} s  ${Math.round(units / secs).toLocaleString('en-US').padStart(10)} ${unitName}/s  peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB`);
  return out;
}

runCli(
  defineCommand({
    meta: { name: 'bench', description: '性能基准 / benchmarks' },
    args: {
      agents: { type: 'string', default: '4000', description: '合成的人数 / number of synthetic agents' },
      months: { type: 'string', default: '36', description: '合成的月数 / number of synthetic months' },
      seed: { type: 'string', default: '7', description: '随机种子 / random seed' },
    },
    async run({ args }) {
      const agents = Number(args.agents);
      const months = Number(args.months);
      const dir = mkdtempSync(join(tmpdir(), 'pay-bench-'));
      try {
        console.log(`node ${process.version}, ${agents} agents × ${months} months (seed ${args.seed})`);
        await measure('generate', agents * months, 'agent-months', () => generateHistory({ agents, months, seed: Number(args.seed), end: '2026-10', out: dir }));
        const set = loadPoliciesOrThrow(['policies']);
        const { history } = await measure('read + check history', agents * months, 'agent-months', () => loadHistoryOrThrow(dir, set));
        const range = historyMonths(history);
        const lean = await measure('replay (lean detail)', agents * months, 'agent-months', () => replay(set, history, { ...range, detail: 'lean' }));
        lean.payslips.length = 0;
        const result = await measure('replay (full detail)', agents * months, 'agent-months', () => replay(set, history, range));
        console.log(`  ${result.payslips.length.toLocaleString('en-US')} payslips, ${result.rankings.length.toLocaleString('en-US')} ranking entries, ${history.metrics.length.toLocaleString('en-US')} metric rows, ${history.events.length.toLocaleString('en-US')} events`);
        // Proposal: the step bonus per step raised from 400 to 500.
        const head = loadPolicySet(readPolicyFiles(['policies']).map((s) => (s.file.endsWith('step-bonus-conversion.yaml') ? { ...s, text: s.text.replace('amount_per_step: 400', 'amount_per_step: 500') } : s))).set;
        await measure('compare base vs head', agents * months, 'agent-months', () =>
          comparePayroll({ baseRef: 'bench', base: { set, result: replay(set, history, { ...range, detail: 'lean' }) }, head: { set: head, result: replay(head, history, { ...range, detail: 'lean' }) }, history, range }),
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  }),
);
