// Seeded synthetic history: a roster, a platform-style metrics export (Chinese headers, summary
// rows, percentages), events and shop figures. Same seed, same bytes: no clock, no Math.random,
// fixed number formatting. Rows are written month by month, so large sets stay light in memory.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { daysInMonth, monthsBetween, weekRange } from '../lib/periods.ts';
import { mulberry32, type Rng } from './prng.ts';

export interface GenerateOptions {
  agents: number;
  months: number;
  seed: number;
  /** Last month `YYYY-MM`. */
  end: string;
  out: string;
}

export const SHOPS = [
  { id: 'tmall_flagship', label: '天猫旗舰店', share: 0.45, weekly: false, code: 'tm' },
  { id: 'jd_store', label: '京东专营店', share: 0.35, weekly: false, code: 'jd' },
  { id: 'client_b', label: '外包客户B店', share: 0.2, weekly: true, code: 'cb' },
] as const;

export const METRIC_HEADERS = [
  '旺旺昵称', '统计周期', '询单人数', '询单最终付款人数', '询单最终付款转化率', '询单最终付款金额', '客单价',
  '首次响应时长（秒）', '平均响应时长（秒）', '答问比', '客户满意率', '好评数', '成功退款金额', '挽单金额',
  '邀评数', '新品推荐数', '出勤率', '知识竞赛得分', '软文推广篇数', 'QQ/微信新增好友数', '数据状态',
];

const STANDARDS = ['min_reply_length', 'emoticons', 'agent_closes', 'greeting', 'timeout_reply'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高';
const GIVEN = '美丽婷芳娜静敏燕雪琳晨欣怡佳悦梦雨涵可馨萱宁瑶璐露蕾';

interface GenAgent {
  id: string;
  name: string;
  shop: (typeof SHOPS)[number];
  team: string;
  position: string;
  grade: string;
  hired: string;
  left?: string;
  acting: string[];
  account: string;
  skill: number;
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}
function fixed(x: number, d: number): string {
  return x.toFixed(d);
}
function thousands(x: number): string {
  const [i, f] = x.toFixed(2).split('.') as [string, string];
  return `${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${f}`;
}
function csvCell(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
function dateIn(month: string, rng: Rng, from = 1, to = daysInMonth(month)): string {
  return `${month}-${pad(from + Math.floor(rng() * (to - from + 1)))}`;
}
function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const t = y * 12 + (m - 1) + delta;
  return `${Math.floor(t / 12)}-${pad((t % 12) + 1)}`;
}

/** ISO weeks whose Thursday falls in `month` (the weeks that belong to it). */
export function weeksOfMonth(month: string): string[] {
  const out: string[] = [];
  for (let d = 1; d <= daysInMonth(month); d++) {
    const date = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, d));
    if (date.getUTCDay() !== 4) continue;
    // ISO week number of a Thursday: its year is the Thursday's year.
    const y = date.getUTCFullYear();
    const jan1 = Date.UTC(y, 0, 1);
    const week = Math.floor((date.getTime() - jan1) / 86_400_000 / 7) + 1;
    out.push(`${y}-W${pad(week)}`);
  }
  return out;
}

function makeRoster(opts: GenerateOptions, rng: Rng, first: string): GenAgent[] {
  const agents: GenAgent[] = [];
  const usedAccounts = new Set<string>();
  let n = 0;
  const nextId = () => `A${pad(++n, Math.max(3, String(opts.agents).length))}`;
  const counts = SHOPS.map((s) => Math.max(3, Math.round(opts.agents * s.share)));
  counts[0]! += opts.agents - counts.reduce((a, b) => a + b, 0);
  const rangeStart = `${first}-01`;
  const mkDates = (): { hired: string; left?: string } => {
    const r = rng();
    const hired = r < 0.12 ? dateIn(shiftMonth(first, 1 + Math.floor(rng() * Math.max(1, opts.months - 3))), rng) : dateIn(shiftMonth(first, -6 - Math.floor(rng() * 48)), rng);
    const leaves = rng() < 0.08 && hired < shiftMonth(first, opts.months - 4);
    const left = leaves ? dateIn(shiftMonth(hired.slice(0, 7) > first ? hired.slice(0, 7) : first, 2 + Math.floor(rng() * 2)), rng) : undefined;
    return left ? { hired, left } : { hired };
  };
  SHOPS.forEach((shop, si) => {
    const size = counts[si]!;
    const teams = Math.max(1, Math.round(size / 6.5));
    for (let i = 0; i < size; i++) {
      const t = i % teams;
      const isLead = i < teams;
      const nick = `${SURNAMES[Math.floor(rng() * SURNAMES.length)]}${GIVEN[Math.floor(rng() * GIVEN.length)]}`;
      let account = `${shop.label}:小${nick.slice(1)}`;
      for (let k = 2; usedAccounts.has(account); k++) account = `${shop.label}:小${nick.slice(1)}${k}`;
      usedAccounts.add(account);
      const dates = isLead ? { hired: dateIn(shiftMonth(first, -24 - Math.floor(rng() * 24)), rng) } : mkDates();
      agents.push({
        id: nextId(),
        name: nick,
        shop,
        team: `${shop.code}_t${pad(t + 1)}`,
        position: isLead ? 'team_lead' : 'agent',
        grade: isLead ? (rng() < 0.5 ? 'L1' : 'L2') : ['P1', 'P2', 'P3'][Math.floor(rng() * 3)]!,
        ...dates,
        acting: !isLead && i === teams ? ['team_lead'] : [],
        account,
        skill: rng(),
      });
    }
  });
  // One director, supervisor and manager over all shops (no chat metrics of their own).
  const heads = [
    ['director', 'D1'],
    ['supervisor', 'S1'],
    ['manager', 'M1'],
  ] as const;
  if (opts.agents >= 12) {
    for (const [position, grade] of heads) {
      const victim = agents.find((a) => a.position === 'agent' && !a.left && a.hired < rangeStart && a.acting.length === 0);
      if (victim) Object.assign(victim, { position, grade, team: `${victim.shop.code}_mgmt` });
    }
  }
  return agents;
}

const SEASON: Record<string, number> = { '01': 0.8, '02': 0.6, '03': 0.9, '06': 1.4, '10': 1.2, '11': 3.0, '12': 1.3 };

export function generateHistory(opts: GenerateOptions): { files: string[] } {
  const rng = mulberry32(opts.seed);
  // The promotion columns (seed 001's 推广 category) draw from their own stream, so adding them
  // left every other generated figure as it was.
  const promoRng = mulberry32(opts.seed ^ 0x5eed001);
  const first = shiftMonth(opts.end, -(opts.months - 1));
  const months = monthsBetween(first, opts.end);
  const agents = makeRoster(opts, rng, first);
  mkdirSync(opts.out, { recursive: true });
  const open = (name: string, header: string[]) => {
    const fd = openSync(join(opts.out, name), 'w');
    writeSync(fd, header.join(',') + '\n');
    return fd;
  };

  const roster = open('roster.csv', ['agent_id', 'name', 'shop', 'team', 'position', 'grade', 'hired', 'left', 'acting_roles', 'accounts']);
  for (const a of agents) {
    writeSync(roster, [a.id, a.name, a.shop.id, a.team, a.position, a.grade, a.hired, a.left ?? '', a.acting.join(';'), a.account].map(csvCell).join(',') + '\n');
  }
  closeSync(roster);

  const metrics = open('metrics.csv', METRIC_HEADERS);
  const events = open('events.csv', ['date', 'agent_id', 'type', 'count', 'standard', 'severity', 'at_fault']);
  const shops = open('shops.csv', ['shop', 'period', 'revenue', 'target']);
  const targets = open('targets.csv', ['scope', 'id', 'period', 'metric', 'target']);
  const prevRevenue = new Map<string, number>();
  const teams = [...new Set(agents.filter((a) => a.position === 'agent' || a.position === 'team_lead').map((a) => a.team))].sort();

  for (const month of months) {
    const season = SEASON[month.slice(5, 7)] ?? 1;
    const salesByShop = new Map<string, number>();
    for (const shop of SHOPS) {
      const periods = shop.weekly ? weeksOfMonth(month) : [month];
      const sums = { inq: 0, buyers: 0, sales: 0 };
      let lines = 0;
      for (const period of periods) {
        const { start, end } = shop.weekly ? weekRange(period) : { start: `${month}-01`, end: `${month}-${pad(daysInMonth(month))}` };
        for (const a of agents) {
          if (a.shop.id !== shop.id || !['agent', 'team_lead'].includes(a.position)) continue;
          if (a.hired > end || (a.left && a.left < start)) continue;
          const span = shop.weekly ? 7 : daysInMonth(month);
          const from = a.hired > start ? a.hired : start;
          const to = a.left && a.left < end ? a.left : end;
          const share = Math.max(1, (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1) / span;
          const inq = Math.max(1, Math.round((700 + 600 * rng()) * season * share * (shop.weekly ? 7 / 30 : 1)));
          const conv = Math.min(0.65, Math.max(0.35, 0.37 + 0.25 * a.skill + (rng() - 0.5) * 0.08));
          const buyers = Math.round(inq * conv);
          const aov = Math.round((80 + 200 * ((a.skill + rng()) / 2)) * 100) / 100;
          const sales = Math.round(buyers * aov * 100) / 100;
          const first_s = 10 + 30 * (1 - a.skill) * (0.6 + 0.4 * rng());
          const row = [
            a.account,
            period,
            String(inq),
            String(buyers),
            `${fixed((buyers / inq) * 100, 2)}%`,
            thousands(sales),
            fixed(buyers ? sales / buyers : 0, 2),
            fixed(first_s, 1),
            fixed(first_s * (1.2 + 0.3 * rng()), 1),
            `${fixed(110 + 50 * rng(), 2)}%`,
            `${fixed(85 + 15 * ((a.skill + rng()) / 2), 2)}%`,
            String(Math.round(buyers * (0.2 + 0.2 * rng()))),
            fixed(Math.round(sales * 0.06 * rng() * 100) / 100, 2),
            fixed(Math.round(sales * 0.05 * rng() * 100) / 100, 2),
            String(Math.round(buyers * 0.3 * rng())),
            String(Math.round(25 * rng() * share)),
            fixed(0.9 + 0.1 * Math.min(1, a.skill + rng() * 0.5), 2),
            String(Math.round(60 + 40 * ((a.skill + rng()) / 2))),
            String(Math.round(10 * (0.2 + 0.8 * promoRng()) * share)),
            String(Math.round(40 * promoRng() * share)),
            month === opts.end ? '预估' : '已结算',
          ];
          writeSync(metrics, row.map(csvCell).join(',') + '\n');
          sums.inq += inq;
          sums.buyers += buyers;
          sums.sales += sales;
          lines += 1;
        }
        if (lines > 0) {
          // Platform exports end each period with aggregate rows; the reader must skip them.
          const conv = sums.inq ? `${fixed((sums.buyers / sums.inq) * 100, 2)}%` : '0.00%';
          writeSync(metrics, ['汇总值', period, String(sums.inq), String(sums.buyers), conv, thousands(sums.sales)].map(csvCell).join(',') + '\n');
        }
      }
      salesByShop.set(shop.id, sums.sales);
    }

    for (const a of agents) {
      const start = `${month}-01`;
      const endDay = `${month}-${pad(daysInMonth(month))}`;
      if (a.hired > endDay || (a.left && a.left < start)) continue;
      const lo = a.hired > start ? Number(a.hired.slice(8)) : 1;
      const hi = a.left && a.left < endDay ? Number(a.left.slice(8)) : daysInMonth(month);
      const emit = (type: string, p: number, standard = '') => {
        if (rng() >= p) return;
        const count = 1 + (rng() < 0.2 ? 1 : 0);
        // Seed 002: some complaints turn out not to be the agent's fault (marked 否, they do not count).
        const atFault = type === 'complaint' && rng() < 0.15 ? '否' : '';
        // Seed 001: now and then a complaint is severe (fined on top of the points).
        const severity = type === 'complaint' && !atFault && rng() < 0.1 ? '严重' : '';
        writeSync(events, [dateIn(month, rng, lo, hi), a.id, type, String(count), standard, severity, atFault].join(',') + '\n');
      };
      emit('complaint', 0.05 + 0.15 * (1 - a.skill));
      emit('named_praise', 0.1 + 0.3 * a.skill);
      emit('qa_finding', 0.3 * (1 - a.skill) + 0.05, STANDARDS[Math.floor(rng() * STANDARDS.length)]);
      emit('late', 0.08);
      emit('order_error', 0.04 + 0.08 * (1 - a.skill));
    }

    for (const shop of SHOPS) {
      const revenue = Math.round((salesByShop.get(shop.id) ?? 0) * 1.3 * 100) / 100;
      const prev = prevRevenue.get(shop.id) ?? revenue;
      // Targets are set from last month with ambition: some months miss, some also fall back.
      const target = Math.round(Math.max(prev, revenue * 0.8) * (0.95 + 0.15 * rng()) * 100) / 100;
      writeSync(shops, [shop.id, month, fixed(revenue, 2), fixed(target, 2)].join(',') + '\n');
      prevRevenue.set(shop.id, revenue);
    }
    // Team conversion targets, set month by month (seed 003: the team lead answers for the team's target).
    const mi = months.indexOf(month);
    for (const team of teams) writeSync(targets, ['team', team, month, 'conversion_rate', `${[47, 48, 49][mi % 3]}%`].join(',') + '\n');
  }
  for (const fd of [metrics, events, shops, targets]) closeSync(fd);
  return { files: ['roster.csv', 'metrics.csv', 'events.csv', 'shops.csv', 'targets.csv'] };
}
