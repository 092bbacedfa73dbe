// npm run bench [-- --agents 4000 --months 36 --anchor DIR --runs 3 --curve --json FILE]: generates a large
// synthetic history, then measures (1) reading it, (2) one replay, (3) a base-vs-head comparison —
// throughput, peak memory and the impact's checksum (same output before and after a change). When
// the perf anchor (DuckDB, ../shared/perf-anchor or /tmp/pa) is installed, times `simulate --base HEAD~1` and
// the read-and-check stage against it alternately (A B A B) and prints the ratios; with --curve,
// the end-to-end cost for 1,000…8,000 agents × 36 months and 10,000 × 60. `--stage read --data DIR`
// is the read-and-check stage alone (what the anchor's parse floor is compared with).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defineCommand } from 'citty';
import { generateHistory } from './generate/generate-history.ts';
import { replay } from './engine/replay.ts';
import { replayPair } from './engine/replay-pair.ts';
import { historyMonths, loadHistoryOrThrow, loadPoliciesOrThrow } from './app/load-inputs.ts';
import { comparePayroll } from './compare/compare-payroll.ts';
import { loadPolicySet } from './policy/load-policies.ts';
import { readPolicyFiles } from './policy/read-policy-files.ts';
import { runCli } from './app/cli.ts';

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

/**
 * Wall seconds, user CPU seconds and peak RSS (MiB) of one shell command, via /usr/bin/time. On a
 * shared machine the user CPU is the figure that compares across runs; the wall time moves with the load.
 */
function timed(cmd: string, cwd?: string): { secs: number; userSecs: number; rssMiB: number } {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %M', 'bash', '-c', cmd], { encoding: 'utf8', maxBuffer: 1 << 26, ...(cwd ? { cwd } : {}) });
  const m = /(\d+(?:\.\d+)?) (\d+(?:\.\d+)?) (\d+)\s*$/.exec(r.stderr);
  if (!m) throw new Error(`could not time \`${cmd}\`: ${r.stderr.slice(-500)}`);
  return { secs: Number(m[1]), userSecs: Number(m[2]), rssMiB: Math.round(Number(m[3]) / 1024) };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[(s.length - 1) >> 1]!;
}

const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

interface Pair {
  label: string;
  a: string;
  b: string;
  a_secs: number[];
  b_secs: number[];
  a_user_secs: number[];
  b_user_secs: number[];
  a_rss_mib: number;
  b_rss_mib: number;
  ratio: number;
  load_before: string;
  load_after: string;
}

/** Runs A and B alternately `runs` times; medians and the ratio A/B. */
function pair(label: string, runs: number, a: { cmd: string; cwd?: string }, b: { cmd: string; cwd?: string }): Pair {
  const loadBefore = load();
  const as: ReturnType<typeof timed>[] = [];
  const bs: ReturnType<typeof timed>[] = [];
  for (let i = 0; i < runs; i++) {
    as.push(timed(a.cmd, a.cwd));
    bs.push(timed(b.cmd, b.cwd));
  }
  const p: Pair = {
    label,
    a: a.cmd,
    b: b.cmd,
    a_secs: as.map((x) => x.secs),
    b_secs: bs.map((x) => x.secs),
    a_user_secs: as.map((x) => x.userSecs),
    b_user_secs: bs.map((x) => x.userSecs),
    a_rss_mib: median(as.map((x) => x.rssMiB)),
    b_rss_mib: median(bs.map((x) => x.rssMiB)),
    ratio: median(as.map((x) => x.secs)) / median(bs.map((x) => x.secs)),
    load_before: loadBefore,
    load_after: load(),
  };
  console.log(`${label}: project ${median(p.a_secs).toFixed(2)} s (${p.a_secs.join(' / ')}), user CPU ${median(p.a_user_secs).toFixed(2)} s, peak RSS ${p.a_rss_mib} MiB`);
  console.log(`${' '.repeat(label.length)}  anchor  ${median(p.b_secs).toFixed(2)} s (${p.b_secs.join(' / ')}), user CPU ${median(p.b_user_secs).toFixed(2)} s, peak RSS ${p.b_rss_mib} MiB`);
  console.log(`${' '.repeat(label.length)}  ratio ${p.ratio.toFixed(2)}×, load ${p.load_before} → ${p.load_after}`);
  return p;
}

/** A throw-away git repository whose last commit raises the step bonus (400 → 450 per step). */
function proposalRepo(root: string): string {
  const repo = join(root, 'repo');
  cpSync('policies', join(repo, 'policies'), { recursive: true });
  const git = (...args: string[]) => {
    const r = spawnSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', ...args], { cwd: repo, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  };
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'base');
  const f = join(repo, 'policies/step-bonus-conversion.yaml');
  writeFileSync(f, readFileSync(f, 'utf8').replace('amount_per_step: 400', 'amount_per_step: 450'));
  git('commit', '-qam', 'proposal');
  return repo;
}

/** Where the perf anchor is looked for: the shared folder next to the checkout, or the copy installed on the shared machines. */
const ANCHORS = ['../shared/perf-anchor', '/tmp/pa'];
const installed = (dir: string) => existsSync(join(dir, 'node_modules/@duckdb/node-api'));

const SIMULATE = resolve('scripts/simulate.ts');
const BENCH = resolve('scripts/bench.ts');
const simulate = (data: string, out: string) => `node ${SIMULATE} --base HEAD~1 --data ${data} --out ${out}`;

runCli(
  defineCommand({
    meta: { name: 'bench', description: '性能基准 / benchmarks' },
    args: {
      agents: { type: 'string', default: '4000', description: '合成的人数 / number of synthetic agents' },
      months: { type: 'string', default: '36', description: '合成的月数 / number of synthetic months' },
      seed: { type: 'string', default: '7', description: '随机种子 / random seed' },
      anchor: { type: 'string', description: 'perf-anchor 目录(已 npm install);省略则用 ../shared/perf-anchor 或 /tmp/pa 中已安装的一个 / the DuckDB yardstick folder (npm-installed); omitted: whichever of ../shared/perf-anchor and /tmp/pa is installed' },
      'anchor-data': { type: 'string', description: 'gen.mjs 已生成的数据目录;省略则生成到临时目录 / data generated by gen.mjs; omitted: generated into a temp folder' },
      runs: { type: 'string', default: '3', description: '每侧交替运行次数 / alternating runs per side' },
      curve: { type: 'boolean', default: false, description: '测量 1000…8000×36 与 10000×60 的成本曲线 / measure the cost curve' },
      'curve-data': { type: 'string', description: '成本曲线的数据目录:其中 <人数>x<月数> 子目录已存在则复用,否则生成并保留 / folder of the curve\'s histories: an existing <agents>x<months> subfolder is reused, a missing one generated and kept' },
      json: { type: 'string', description: '把结果写成 JSON(供 bench-chart 画图) / write the results as JSON (for bench-chart)' },
      stage: { type: 'string', description: '只读取并校验 --data 目录(取值 read) / read: only read and check --data' },
      data: { type: 'string', description: '--stage read 读取的历史数据目录 / history folder for --stage read' },
      cache: { type: 'boolean', default: false, description: '--stage read 经由数据目录的 .pp-cache/ 读取(量热缓存)/ with --stage read: read through the data folder\'s .pp-cache/ (the warm cache)' },
    },
    async run({ args }) {
      if (args.stage === 'read') {
        const { history } = await loadHistoryOrThrow(args.data ?? 'data/sample', loadPoliciesOrThrow(['policies']), undefined, undefined, undefined, { cache: args.cache });
        console.log(`${history.metrics.length} metric rows, ${history.events.length} events`);
        return;
      }
      const agents = Number(args.agents);
      const months = Number(args.months);
      const runs = Number(args.runs);
      const dir = mkdtempSync(join(tmpdir(), 'pay-bench-'));
      const results: Record<string, unknown> = { node: process.version, agents, months, seed: Number(args.seed), load: load() };
      try {
        console.log(`node ${process.version}, ${agents} agents × ${months} months (seed ${args.seed}), load ${load()}`);
        const data = join(dir, 'data');
        await measure('generate', agents * months, 'agent-months', () => generateHistory({ agents, months, seed: Number(args.seed), end: '2026-10', out: data }));
        const set = loadPoliciesOrThrow(['policies']);
        const { history } = await measure('read + check history', agents * months, 'agent-months', () => loadHistoryOrThrow(data, set));
        const range = historyMonths(history);
        const lean = await measure('replay (lean detail)', agents * months, 'agent-months', () => replay(set, history, { ...range, detail: 'lean' }));
        console.log(`  ${lean.payslips.length.toLocaleString('en-US')} payslips, ${lean.rankings.length.toLocaleString('en-US')} ranking entries, ${history.metrics.length.toLocaleString('en-US')} metric rows, ${history.events.length.toLocaleString('en-US')} events`);
        lean.payslips.length = 0;
        // Proposal: the step bonus per step raised from 400 to 450 (as in the throw-away repo below).
        const head = loadPolicySet(readPolicyFiles(['policies']).map((s) => (s.file.endsWith('step-bonus-conversion.yaml') ? { ...s, text: s.text.replace('amount_per_step: 400', 'amount_per_step: 450') } : s))).set;
        const impact = await measure('compare base vs head', agents * months, 'agent-months', () => {
          const sides = replayPair({ set, history }, { set: head, history }, range);
          return comparePayroll({ baseRef: 'bench', base: { set, result: sides.base }, head: { set: head, result: sides.head }, history, range });
        });
        const checksum = createHash('sha256').update(JSON.stringify(impact)).digest('hex');
        console.log(`  impact sha256 ${checksum}`);
        results.impact_sha256 = checksum;

        const repo = proposalRepo(dir);
        const anchor = resolve(args.anchor ?? ANCHORS.find((d) => installed(resolve(d))) ?? ANCHORS[0]!);
        if (installed(anchor)) {
          let anchorData = args['anchor-data'];
          if (!anchorData) {
            anchorData = join(dir, 'anchor-data');
            spawnSync('node', [join(anchor, 'gen.mjs'), '--out', anchorData], { stdio: 'ignore' });
          }
          console.log(`\nvs perf anchor (${anchor}), ${runs} alternating runs each (A B A B), medians:`);
          results.pairs = [
            pair('simulate --base HEAD~1 vs ref.mjs', runs, { cmd: simulate(data, join(dir, 'r.md')), cwd: repo }, { cmd: `node ${join(anchor, 'ref.mjs')} --data ${anchorData}` }),
            pair('read + check vs project-floor.mjs', runs, { cmd: `node ${BENCH} --stage read --data ${data}` }, { cmd: `node ${join(anchor, 'project-floor.mjs')} ${data}` }),
          ];
        } else console.log(`\n(perf anchor not installed at ${anchor}: see its README; ratios skipped)`);

        if (args.curve) {
          console.log('\ncost curve, `simulate --base HEAD~1` end to end (one run each):');
          const curve: { agents: number; months: number; agent_months: number; secs: number; user_secs: number; rss_mib: number; load: string }[] = [];
          for (const [n, m] of [[1000, 36], [2000, 36], [4000, 36], [8000, 36], [10000, 60]] as const) {
            const kept = args['curve-data'] !== undefined ? resolve(args['curve-data'], `${n}x${m}`) : undefined;
            const d = kept ?? join(dir, `curve-${n}x${m}`);
            // Generating 10,000 × 60 takes minutes: a kept folder is generated once and reused.
            if (!kept || !existsSync(join(kept, 'metrics.csv'))) generateHistory({ agents: n, months: m, seed: Number(args.seed), end: '2026-10', out: d });
            const t = timed(simulate(d, join(dir, 'c.md')), repo);
            curve.push({ agents: n, months: m, agent_months: n * m, secs: t.secs, user_secs: t.userSecs, rss_mib: t.rssMiB, load: load() });
            console.log(`  ${String(n).padStart(6)} × ${m}  ${(n * m).toLocaleString('en-US').padStart(8)} agent-months  ${t.secs.toFixed(2).padStart(6)} s wall  ${t.userSecs.toFixed(2).padStart(6)} s user  peak RSS ${t.rssMiB} MiB  (load ${load()})`);
            if (!kept) rmSync(d, { recursive: true, force: true });
          }
          results.curve = curve;
        }
        if (args.json) writeFileSync(args.json, `${JSON.stringify(results, null, 2)}\n`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  }),
);
