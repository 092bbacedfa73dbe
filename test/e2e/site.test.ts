// The staff site in real Chromium: pages, calculator against the engine, search, accessibility,
// screenshots, and the privacy promise (no per-person data in the build).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Server } from 'node:http';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer } from '../../scripts/lib/static-server.ts';
import { replay } from '../../scripts/engine/replay.ts';
import { loadPolicySet } from '../../scripts/policy/load-policies.ts';
import { readPolicyFiles } from '../../scripts/policy/read-policy-files.ts';
import type { History } from '../../scripts/history/types.ts';

const DIST = 'site/dist';
const SHOTS = 'test-artifacts/screenshots';
const SITE_DATE = '2026-11-23';
const PAGES: [path: string, heading: string][] = [
  ['', '本店客服薪酬规则'],
  ['salary/', '薪资结构'],
  ['scorecard/', '考核表'],
  ['plans/', '提成与奖金'],
  ['ranking/', '排名与晋降'],
  ['honours/', '光荣榜'],
  ['points/', '积分制'],
  ['standards/', '服务规范与质检'],
  ['metrics/', '指标目录'],
  ['guardrails/', '方案变更护栏'],
  ['changelog/', '变更记录'],
  ['calculator/', '工资计算器'],
  ['search/', '搜索规则'],
];

let server: Server;
let url: string;
let browser: Browser;

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? allFiles(p) : [p];
  });
}

beforeAll(async () => {
  const build = spawnSync('npm', ['run', 'build'], { encoding: 'utf8', env: { ...process.env, SITE_DATE, ASTRO_TELEMETRY_DISABLED: '1' } });
  if (build.status !== 0) throw new Error(`site build failed:\n${build.stdout}\n${build.stderr}`);
  ({ server, url } = await startStaticServer(join(process.cwd(), DIST)));
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function open(path: string, width = 360): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  await page.goto(url + path);
  return page;
}

describe('rules pages', () => {
  it.each(PAGES)('/%s renders its Chinese heading at 360 px and 1280 px (screenshots saved)', async (path, heading) => {
    for (const width of [360, 1280]) {
      const page = await open(path, width);
      expect(await page.locator('h1').innerText()).toBe(heading);
      expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
      // Nothing wider than the phone's screen.
      if (width === 360) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await page.screenshot({ path: join(SHOTS, `${path.replace(/\/$/, '') || 'home'}-${width}.png`), fullPage: true });
      await page.close();
    }
  });

  it('fits every page into a 360 px phone: nothing sticks out outside a deliberate scroller, no text under 12 px, chart text included', async () => {
    const problems: string[] = [];
    for (const [path] of PAGES) {
      const page = await open(path);
      const found = await page.evaluate(() => {
        const out: string[] = [];
        const width = document.documentElement.clientWidth;
        for (const el of document.querySelectorAll('body *')) {
          const r = el.getBoundingClientRect();
          if (r.width === 0 || r.height === 0 || r.right <= 0) continue;
          const scroller = el.closest('.table-wrap');
          if (!(scroller && scroller !== el) && r.right > width + 0.5) out.push(`sticks out to ${Math.round(r.right)} px: <${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}">`);
          if (![...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '')) continue;
          let size = parseFloat(getComputedStyle(el).fontSize);
          const svg = el.closest('svg');
          if (svg) size *= svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
          if (size < 11.99) out.push(`${size.toFixed(1)} px text: 「${(el.textContent ?? '').trim().slice(0, 20)}」`);
        }
        return out;
      });
      problems.push(...found.map((f) => `/${path} ${f}`));
      await page.close();
    }
    expect(problems, problems.slice(0, 30).join('\n')).toEqual([]);
  });

  it('reads the home 「正在生效的规则」 table as cards at 360 px: no sideways scroll, each rule on its own card with labelled lines', async () => {
    const page = await open('');
    const wrap = page.locator('#in-force + .table-wrap');
    expect(await wrap.evaluate((w) => w.scrollWidth <= w.clientWidth)).toBe(true);
    const row = wrap.locator('tbody tr').first();
    expect(await row.evaluate((r) => getComputedStyle(r).display)).toBe('block');
    const title = await row.locator('td').first().boundingBox();
    // The rule name runs along the card, not one character per line.
    expect(title!.width).toBeGreaterThan(250);
    expect(await row.locator('td[data-label="生效日期"]').evaluate((td) => getComputedStyle(td, '::before').content)).toBe('"生效日期"');
    await page.screenshot({ path: join(SHOTS, 'home-cards-360.png'), fullPage: true, clip: { x: 0, y: (await wrap.boundingBox())!.y, width: 360, height: 700 } });
    await page.close();
  });

  it('keeps the phone header to one line with a menu that names and marks the current page', async () => {
    const page = await open('salary/');
    const header = await page.locator('header.site').boundingBox();
    expect(header!.height).toBeLessThanOrEqual(64);
    expect(await page.locator('.menu summary').innerText()).toContain('薪资结构');
    await page.click('.menu summary');
    expect(await page.locator('.menu a[aria-current="page"]').innerText()).toBe('薪资结构');
    expect(await page.locator('.menu a[aria-current="page"]').isVisible()).toBe(true);
    await page.close();
    const wide = await open('salary/', 1280);
    expect(await wide.locator('nav.main a[aria-current="page"]').innerText()).toBe('薪资结构');
    expect((await wide.locator('form.search.wide input').boundingBox())!.width).toBeLessThan(400);
    await wide.close();
  });

  it('speaks Chinese on every page: no English id, no formula in code, no commit hash or English commit message', () => {
    const { set } = loadPolicySet(readPolicyFiles(['policies']));
    const ids = new Set<string>();
    for (const p of set.policies) {
      ids.add(p.id);
      const d = p.data as { metrics?: ({ id: string } | { metric: string })[]; events?: ({ id: string } | { event: string })[]; positions?: { id: string }[]; shops?: { id: string }[]; standards?: { id: string }[] };
      for (const m of d.metrics ?? []) ids.add('id' in m ? m.id : m.metric);
      for (const e of d.events ?? []) ids.add('id' in e ? e.id : e.event);
      for (const x of [...(d.positions ?? []), ...(d.shops ?? []), ...(d.standards ?? [])]) ids.add(x.id);
    }
    const found: string[] = [];
    for (const f of allFiles(DIST).filter((f) => f.endsWith('.html') && !f.includes('/pagefind/'))) {
      const html = readFileSync(f, 'utf8').replace(/<script[\s\S]*?<\/script>/g, '').replace(/<style[\s\S]*?<\/style>/g, '');
      const text = html.replace(/<[^>]+>/g, ' ').replace(/&[a-z]+;/g, ' ');
      for (const id of ids) if (new RegExp(`(?<![\\w-])${id}(?![\\w-])`).test(text)) found.push(`${f}: id ${id}`);
      if (html.includes('<code>')) found.push(`${f}: <code>`);
      for (const m of text.match(/\w+ [*/] \w+|\b[0-9a-f]{7,40}\b|[A-Za-z]+ [A-Za-z]+ [A-Za-z]+/g) ?? []) found.push(`${f}: 「${m}」`);
      // Chinese punctuation between Chinese characters: no ASCII , : ; ( next to them.
      for (const m of text.match(/[\u4e00-\u9fff][,:;()]|[,:;()][\u4e00-\u9fff]/g) ?? []) found.push(`${f}: ASCII mark 「${m}」`);
    }
    expect(found, found.slice(0, 30).join('\n')).toEqual([]);
  });

  it('lists the changelog by effective date, newest first, each version with its approval line, and names the successor on rules pages', () => {
    const html = readFileSync(join(DIST, 'changelog/index.html'), 'utf8');
    const dates = [...html.matchAll(/<strong[^>]*>(\d{4}-\d{2}-\d{2})<\/strong> 起/g)].map((m) => m[1]!);
    expect(dates.length).toBeGreaterThan(10);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(html.match(/class="meta approval"/g)?.length).toBe(dates.length);
    const plans = readFileSync(join(DIST, 'plans/index.html'), 'utf8').replace(/<[^>]+>/g, '');
    expect(plans).toContain('下一版\uff1a第 2 版\uff0c2027-01-01 起生效');
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    const axe = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
    const found: string[] = [];
    for (const [path] of PAGES) {
      const page = await open(path);
      await page.addScriptTag({ content: axe });
      const result = await page.evaluate<{ violations: { id: string; impact: string; nodes: unknown[] }[] }>('axe.run(document, { resultTypes: ["violations"] })');
      for (const v of result.violations) if (v.impact === 'serious' || v.impact === 'critical') found.push(`/${path} ${v.id} (${v.impact}, ${v.nodes.length})`);
      await page.close();
    }
    expect(found, found.join('\n')).toEqual([]);
  });

  it('shows every policy in policies/ under its anchor', () => {
    const html = allFiles(DIST).filter((f) => f.endsWith('.html')).map((f) => readFileSync(f, 'utf8')).join('\n');
    const { set } = loadPolicySet(readPolicyFiles(['policies']));
    const missing = set.policies.filter((p) => !html.includes(`id="${p.kind}-${p.id}"`) || !html.includes(`id="changelog-${p.id}-v${p.version}"`));
    expect(missing.map((p) => p.file)).toEqual([]);
  });

  it('draws the pay curves and the generated notes on /plans/: the whole-amount tier at ¥40,000 in words and as an SVG', async () => {
    const page = await open('plans/', 1280);
    const guide = page.locator('#incentive-guide');
    expect(await guide.locator('svg.chart-wide').count()).toBeGreaterThanOrEqual(3);
    expect(await guide.locator('svg[aria-label*="天猫旗舰店"][aria-label*="月收入随「销售额」变化"]').count()).toBe(2);
    expect(await guide.locator('svg.chart-wide path.line').first().getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+( L[\d.]+,[\d.]+){40,}$/);
    const note = guide.locator('li', { hasText: '销售额达到 ¥40,000 时' });
    expect(await note.innerText()).toContain('从 1% 全额变为 2%');
    expect(await note.locator('a').getAttribute('href')).toMatch(/plans\/#pay_plan-sales_commission$/);
    await page.close();
  });

  it('ships no JavaScript on rules pages, and the calculator script stays under 60 KB gzip', () => {
    for (const [path] of PAGES.filter(([p]) => p !== 'calculator/' && p !== 'search/')) {
      const html = readFileSync(join(DIST, path, 'index.html'), 'utf8');
      expect(html, path).not.toMatch(/<script(?![^>]*type="application\/json")/);
    }
    const js = allFiles(join(DIST, '_astro')).filter((f) => f.endsWith('.js'));
    const gz = js.reduce((s, f) => s + gzipSync(readFileSync(f)).length, 0);
    expect(gz).toBeLessThan(60 * 1024);
  });

  it('finds the conversion bonus rule when searching 转化率', async () => {
    const page = await open('search/?q=' + encodeURIComponent('转化率'), 1280);
    // Pagefind loads its index and fills results in steps: wait for the rule's own result, not the
    // first result element, and give it the room a loaded shared machine needs (it was flaky at 15 s).
    await page.waitForFunction(
      () => /提成与奖金|询单转化率阶梯奖金/.test(document.querySelector('.pagefind-ui__results')?.textContent ?? ''),
      undefined,
      { timeout: 45_000 },
    );
    const text = await page.locator('.pagefind-ui__results').innerText();
    expect(text).toContain('转化率');
    expect(text).toMatch(/提成与奖金|询单转化率阶梯奖金/);
    await page.close();
  });
});

describe('calculator', () => {
  const { set } = loadPolicySet(readPolicyFiles(['policies']));
  const month = SITE_DATE.slice(0, 7);

  function expected(shop: string, position: string, grade: string, values: Record<string, number>, events: Record<string, number>) {
    const history: History = {
      agents: [{ id: 'x', name: 'x', shop, team: 'x', position, grade, hired: '2024-01-01', acting_roles: [], accounts: [] }],
      metrics: [{ agent: 'x', period: month, values, provisional: false }],
      events: Object.entries(events).map(([type, count]) => ({ date: `${month}-15`, agent: 'x', type, count })),
      shops: [],
      paid: [],
    };
    return replay(set, history, { from: month, to: month, mode: 'individual' }).payslips[0]!;
  }

  async function choose(shop: string, position: string, grade: string, width = 360): Promise<Page> {
    const page = await open('calculator/', width);
    await page.selectOption('[name="shop"]', shop);
    await page.selectOption('[name="position"]', position);
    await page.selectOption('[name="grade"]', grade);
    return page;
  }

  async function fill(shop: string, position: string, grade: string, fields: Record<string, string>) {
    const page = await choose(shop, position, grade);
    for (const [name, value] of Object.entries(fields)) await page.fill(`[name="${name}"]`, value);
    await page.click('#calc button[type="submit"]');
    const total = Number(await page.getAttribute('#total', 'data-total-fen'));
    const lines = await page.$$eval('#result tbody tr', (rows) => rows.map((r) => [r.getAttribute('data-line'), Number(r.querySelector('[data-fen]')!.getAttribute('data-fen'))]));
    const href = await page.getAttribute('#result tbody tr a', 'href');
    await page.close();
    return { total, lines, href };
  }

  it('seed 004: reproduces the engine for 54 % conversion at the weekly shop (step bonus 1,600)', async () => {
    const got = await fill('client_b', 'agent', 'P2', { 'm:inquiries': '1000', 'm:paying_buyers': '540' });
    const want = expected('client_b', 'agent', 'P2', { inquiries: 1000, paying_buyers: 540 }, {});
    expect(got.total).toBe(want.total_fen);
    expect(got.lines).toEqual(want.lines.map((l) => [l.id, l.amount_fen]));
    expect(got.lines).toContainEqual(['plan:conversion_step_bonus', 160000]);
    expect(got.href).toMatch(/salary\/#salary_ladder-salary_ladder-agent-P2$/);
  });

  it('shows the payslip worked out by hand from the policies for 54 % at the weekly shop', async () => {
    // Written out from policies/*.yaml, not from replay() (which the page itself bundles); when a
    // policy these lines read changes, work them out again:
    // salary-ladder agent P2 base 3,400; weekly card: 54 % ≥ 50 % target → 100/100 → coefficient 1 ×
    // performance base 1,000; seniority: hired 2024-01-01 (the form's default), ≥ 24 months → 200;
    // step bonus: 800 + floor((54 − 50) / 2) × 400 = 1,600. Total 6,200.
    const got = await fill('client_b', 'agent', 'P2', { 'm:inquiries': '1000', 'm:paying_buyers': '540' });
    expect(got.lines).toEqual([
      ['base', 340000],
      ['performance', 100000],
      ['allowance:seniority', 20000],
      ['plan:conversion_step_bonus', 160000],
    ]);
    expect(got.total).toBe(620000);
  });

  it('seed 000: reproduces conversion × sales × 1% at the JD store', async () => {
    const got = await fill('jd_store', 'agent', 'P1', { 'm:inquiries': '1000', 'm:paying_buyers': '500', 'm:sales': '100000', 'pct:satisfaction_rate': '96', 'pct:attendance_rate': '100', 'm:avg_response_s': '18', 'm:review_invites': '30', 'm:promo_posts': '4', 'm:prospect_adds': '15', 'm:quiz_score': '85', 'rate:refund_rate': '3' });
    const want = expected('jd_store', 'agent', 'P1', { inquiries: 1000, paying_buyers: 500, sales: 100000, satisfaction_rate: 0.96, attendance_rate: 1, avg_response_s: 18, review_invites: 30, promo_posts: 4, prospect_adds: 15, quiz_score: 85, refund_amount: 3000 }, {});
    expect(got.total).toBe(want.total_fen);
    expect(got.lines).toEqual(want.lines.map((l) => [l.id, l.amount_fen]));
    expect(got.lines).toContainEqual(['plan:conversion_sales_commission', 50000]);
  });

  it('seed 001: reproduces the scorecard with two complaints and a QA finding at the flagship store', async () => {
    const fields = { 'm:inquiries': '1200', 'm:paying_buyers': '660', 'm:sales': '120000', 'm:avg_response_s': '18', 'pct:satisfaction_rate': '97', 'pct:attendance_rate': '98', 'm:quiz_score': '85', 'm:promo_posts': '4', 'm:prospect_adds': '15', 'm:review_invites': '30', 'm:refund_amount': '3000', 'e:complaint': '2', 'qa:min_reply_length': '1' };
    const got = await fill('tmall_flagship', 'team_lead', 'L2', fields);
    const history: History = {
      agents: [{ id: 'x', name: 'x', shop: 'tmall_flagship', team: 'x', position: 'team_lead', grade: 'L2', hired: '2024-01-01', acting_roles: [], accounts: [] }],
      metrics: [{ agent: 'x', period: month, values: { inquiries: 1200, paying_buyers: 660, sales: 120000, avg_response_s: 18, satisfaction_rate: 0.97, attendance_rate: 0.98, quiz_score: 85, promo_posts: 4, prospect_adds: 15, review_invites: 30, refund_amount: 3000 }, provisional: false }],
      events: [
        { date: `${month}-15`, agent: 'x', type: 'complaint', count: 2 },
        { date: `${month}-15`, agent: 'x', type: 'qa_finding', count: 1, standard: 'min_reply_length' },
      ],
      shops: [],
      paid: [],
    };
    const want = replay(set, history, { from: month, to: month, mode: 'individual' }).payslips[0]!;
    expect(got.total).toBe(want.total_fen);
    expect(got.lines).toEqual(want.lines.map((l) => [l.id, l.amount_fen]));
    expect(got.lines.map((l) => l[0])).toEqual(expect.arrayContaining(['performance', 'plan:sales_commission', 'qa:min_reply_length']));
  });

  const names = (page: Page) => page.$$eval('#fields input', (els) => els.map((e) => (e as HTMLInputElement).name));
  const noPayslip = async (page: Page) => {
    expect(await page.locator('#total').count()).toBe(0);
    expect(await page.locator('#result tbody tr').count()).toBe(0);
    expect(await page.locator('#summary').isVisible()).toBe(false);
  };
  const messageOf = (page: Page, name: string) => page.locator(`[data-field="${name}"] .err`).innerText();

  it('shows no payslip for the empty form, before or after the shop and position are chosen', async () => {
    const page = await open('calculator/');
    await noPayslip(page);
    expect(await page.locator('#status').innerText()).toContain('请先选择店铺和岗位');
    expect(await page.locator('#data-fields').isVisible()).toBe(false);
    await page.selectOption('[name="shop"]', 'client_b');
    await page.selectOption('[name="position"]', 'agent');
    await page.click('#calc button[type="submit"]');
    await noPayslip(page);
    expect(await page.locator('#status').innerText()).toBe('还需填写:询单转化率。');
    await page.close();
  });

  it('asks each shop only for what its rules read: the weekly shop for a conversion rate, the flagship for its whole scorecard', async () => {
    const weekly = await choose('client_b', 'agent', 'P1');
    expect(await names(weekly)).toEqual(['rate:conversion_rate', 'm:inquiries', 'm:paying_buyers', 'qa:min_reply_length', 'qa:emoticons', 'qa:agent_closes', 'qa:greeting', 'qa:timeout_reply']);
    await weekly.close();
    const flagship = await choose('tmall_flagship', 'team_lead', 'L1');
    const got = await names(flagship);
    expect(got).toEqual(expect.arrayContaining(['m:sales', 'pct:attendance_rate', 'm:quiz_score', 'rate:refund_rate', 'e:complaint', 'e:order_error', 'e:named_praise', 'm:good_reviews']));
    expect(got).not.toContain('m:first_response_s');
    expect(got).not.toContain('pct:answer_ratio');
    await flagship.close();
  });

  it.each([
    ['m:sales', 'abc', '销售额只能填数字'],
    ['m:sales', '八万', '请用阿拉伯数字填写销售额,例如 80000,不要写「八万」'],
    ['m:sales', '-5000', '销售额不能是负数'],
    ['e:complaint', '-3', '投诉不能是负数'],
    ['e:complaint', '1.5', '投诉是次数,只能填整数'],
    ['pct:satisfaction_rate', '500', '客户满意率是百分数,应在 0–100 之间(你填了 500%)'],
    ['rate:conversion_rate', '500 %', '询单转化率是百分数,应在 0–100 之间(你填了 500%)'],
    ['pct:satisfaction_rate', '0.96', '客户满意率按百分数填写:96% 请填 96;如果确实是 0.96%,请写成「0.96%」'],
  ])('marks %s = "%s" invalid with a Chinese message and shows no payslip', async (name, value, message) => {
    const page = await choose('jd_store', 'agent', 'P1');
    const valid: Record<string, string> = { 'm:sales': '100000', 'pct:satisfaction_rate': '96', 'pct:attendance_rate': '100', 'm:avg_response_s': '18', 'm:review_invites': '30', 'm:promo_posts': '4', 'm:prospect_adds': '15', 'm:quiz_score': '85', 'rate:refund_rate': '3', 'rate:conversion_rate': '50' };
    for (const [n, v] of Object.entries(valid)) await page.fill(`[name="${n}"]`, v);
    // The valid form computes; the one bad value then takes the payslip away.
    expect(await page.locator('#total').count()).toBe(1);
    await page.fill(`[name="${name}"]`, value);
    await page.click('#calc button[type="submit"]');
    expect(await messageOf(page, name)).toBe(message);
    expect(await page.getAttribute(`[name="${name}"]`, 'aria-invalid')).toBe('true');
    expect(await page.locator('#status').innerText()).toBe('有 1 项填写有误,改正后才会计算。');
    await noPayslip(page);
    await page.close();
  });

  it('refuses 500 paying buyers out of 100 inquiries', async () => {
    const page = await choose('client_b', 'agent', 'P1');
    await page.fill('[name="m:inquiries"]', '100');
    await page.fill('[name="m:paying_buyers"]', '500');
    expect(await messageOf(page, 'm:paying_buyers')).toBe('询单最终付款人数(500)不能多于询单人数(100)');
    await noPayslip(page);
    await page.close();
  });

  it('reads "53 %", "53%" and "53" alike and shows the payslip worked out by hand, naming shop, position, month and rule versions', async () => {
    // By hand from policies/*.yaml: agent P2 base 3,400; weekly card 53 % ≥ 50 % → coefficient 1 ×
    // performance base 1,000; seniority (hired 2024-01-01, ≥ 24 months) 200; step bonus
    // 800 + floor((53 − 50) / 2) × 400 = 1,200. Total 5,800.
    for (const typed of ['53 %', '53%', '53']) {
      const page = await choose('client_b', 'agent', 'P2');
      await page.fill('[name="rate:conversion_rate"]', typed);
      const lines = await page.$$eval('#result tbody tr', (rows) => rows.map((r) => [r.getAttribute('data-line'), r.querySelector('[data-fen]')!.textContent]));
      expect(lines).toEqual([
        ['base', '¥3,400.00'],
        ['performance', '¥1,000.00'],
        ['allowance:seniority', '¥200.00'],
        ['plan:conversion_step_bonus', '¥1,200.00'],
      ]);
      expect(await page.locator('#total').innerText()).toBe('¥5,800.00');
      const head = await page.locator('#result-who').innerText();
      expect(head).toContain('外包客户B店 · 客服 P2 · 2026 年 11 月');
      expect(head).toContain('考核得分 100 / 100');
      const rules = await page.locator('#result-rules').innerText();
      expect(rules).toContain('询单转化率阶梯奖金 第 1 版');
      expect(rules).toContain('客户B店周考核(只考核转化率) 第 1 版');
      await page.close();
    }
  });

  it('words the JD formula as 询单转化率 × 销售额 × 1%, never as code', async () => {
    const page = await choose('jd_store', 'agent', 'P1');
    const valid: Record<string, string> = { 'm:sales': '100000', 'pct:satisfaction_rate': '96', 'pct:attendance_rate': '100', 'm:avg_response_s': '18', 'm:review_invites': '30', 'm:promo_posts': '4', 'm:prospect_adds': '15', 'm:quiz_score': '85', 'rate:refund_rate': '3', 'rate:conversion_rate': '50' };
    for (const [n, v] of Object.entries(valid)) await page.fill(`[name="${n}"]`, v);
    const text = await page.locator('#result').innerText();
    expect(text).toContain('询单转化率 × 销售额 × 1%');
    expect(text).not.toMatch(/conversion_rate|sales \*/);
    expect(text).toContain('¥500.00');
    await page.close();
  });

  it('shows a refund after pay day clawed back on next month\'s payslip, worked out by hand, and links the rule both ways', async () => {
    // By hand from policies/sales-commission.v2.yaml and policies/clawback.yaml (not from replay()):
    // November sales 120,000 fall in the 100,000–200,000 bracket → 3 % of all of it = 3,600.00. A refund
    // of 30,000 processed on 2026-12-05 (within 60 days) leaves 90,000 → 2 % = 1,800.00, so December
    // shows 扣回 1,800.00; at most 500.00 is deducted a month, so 1,300.00 is carried to later months.
    const page = await choose('tmall_flagship', 'team_lead', 'L2');
    const fields = { 'm:inquiries': '1200', 'm:paying_buyers': '660', 'm:sales': '120000', 'm:avg_response_s': '18', 'pct:satisfaction_rate': '97', 'pct:attendance_rate': '98', 'm:quiz_score': '85', 'm:promo_posts': '4', 'm:prospect_adds': '15', 'm:review_invites': '30', 'm:refund_amount': '3000' };
    for (const [n, v] of Object.entries(fields)) await page.fill(`[name="${n}"]`, v);
    expect(await page.locator('#result tbody tr[data-line="plan:sales_commission"] [data-fen]').innerText()).toBe('¥3,600.00');
    expect(await page.locator('#refund-result').innerText()).toBe('');
    const before = await page.getAttribute('#total', 'data-total-fen');
    await page.fill('[name="refund"]', '30000');
    const lines = await page.$$eval('#refund-result tbody tr', (rows) => rows.map((r) => [r.querySelector('a')!.textContent, r.querySelector('[data-fen]')!.textContent]));
    expect(lines).toEqual([
      ['扣回 2026-11 提成(退款)', '-¥1,800.00'],
      ['超出每月扣回上限,顺延到下月', '¥1,300.00'],
    ]);
    expect(await page.locator('#refund-total').innerText()).toBe('-¥500.00');
    expect(await page.locator('#refund-result').innerText()).toContain('2026-12-05');
    // This month's payslip is unchanged: the refund lands next month.
    expect(await page.getAttribute('#total', 'data-total-fen')).toBe(before);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const rule = await page.getAttribute('#f-refund-why a', 'href');
    expect(rule).toMatch(/plans\/#clawback-refund_clawback$/);
    expect(await page.getAttribute('#refund-result tbody a', 'href')).toBe(rule);
    await page.fill('[name="refund"]', '三万');
    expect(await messageOf(page, 'refund')).toBe('请用阿拉伯数字填写发薪后退款,例如 80000,不要写「三万」');
    expect(await page.locator('#refund-result tbody tr').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'calculator-refund-360.png'), fullPage: true });
    await page.goto(new URL(rule!, page.url()).href);
    expect(await page.locator('#clawback-refund_clawback').count()).toBe(1);
    expect(await page.locator('section:has(#clawback-refund_clawback) a[href$="calculator/"]').count()).toBe(1);
    await page.close();
  });

  it('tells a manager the scorecard reads whole-shop totals', async () => {
    const page = await choose('tmall_flagship', 'manager', 'M1');
    expect(await page.locator('#fields').innerText()).toContain('按全店合计数据考核');
    await page.close();
  });

  it('keeps a compact total at the bottom of a phone screen that opens to the explained lines', async () => {
    const page = await choose('client_b', 'agent', 'P2');
    await page.fill('[name="rate:conversion_rate"]', '53');
    await page.evaluate(() => window.scrollTo(0, 0));
    const box = await page.locator('#summary summary').boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(800);
    expect(box!.y).toBeGreaterThan(600);
    expect(await page.locator('#summary summary').innerText()).toContain('合计 ¥5,800.00');
    await page.click('#summary summary');
    expect(await page.locator('#summary-lines').innerText()).toContain('询单转化率阶梯奖金 ¥1,200.00');
    await page.screenshot({ path: join(SHOTS, 'calculator-summary-360.png') });
    await page.close();
  });
});

describe('privacy', () => {
  it('shows on 光荣榜 the names a manager published, and nothing about fines, classes or elimination', () => {
    const published = readdirSync('site/src/honours').flatMap((f) => (JSON.parse(readFileSync(`site/src/honours/${f}`, 'utf8')) as { rolls: { people: { name: string }[] }[] }).rolls.flatMap((r) => r.people.map((p) => p.name)));
    expect(published.length).toBeGreaterThan(0);
    const page = readFileSync(`${DIST}/honours/index.html`, 'utf8');
    for (const n of published) expect(page).toContain(n);
    for (const word of ['提升班', '淘汰', '扣款', '罚', '降级']) expect(page.replace(/扣罚和末位情况从不公开/, '')).not.toContain(word);
  });

  it('shows on /points/ the published value of a point per shop and month, from the committed figures only', () => {
    const published = (JSON.parse(readFileSync('site/src/point-values.json', 'utf8')) as { months: { month: string; fen_per_point?: number }[] }).months;
    const page = readFileSync(`${DIST}/points/index.html`, 'utf8').replace(/<[^>]+>/g, '');
    const first = published.find((m) => m.fen_per_point !== undefined)!;
    expect(page).toContain(`${first.month.replace('-', ' 年 ')} 月`);
    expect(page).toContain(`¥${(first.fen_per_point! / 100).toFixed(2)}`);
    expect(page).toContain('不含任何个人的积分或金额');
  });

  it('contains no roster id, no name from data/ (except on 光荣榜), and no per-person amount', () => {
    const honoured = new Set(readdirSync('site/src/honours').flatMap((f) => (JSON.parse(readFileSync(`site/src/honours/${f}`, 'utf8')) as { rolls: { people: { name: string }[] }[] }).rolls.flatMap((r) => r.people.map((p) => p.name))));
    const roster = readFileSync('data/sample/roster.csv', 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const ids = roster.map((r) => r[0]!);
    const names = roster.map((r) => r[1]!);
    const accounts = roster.map((r) => r[9]!).flatMap((a) => a.split(';'));
    const paid = readFileSync('data/sample/paid.csv', 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[2]!);
    // Round figures (a manager paid exactly a base pay of ¥7,000.00) are rule amounts, not personal data.
    const amounts = paid.filter((a) => Number(a) > 1000 && Math.round(Number(a) * 100) % 1000 !== 0).map((a) => Number(a).toLocaleString('en-US', { minimumFractionDigits: 2 }));
    const leaks: string[] = [];
    for (const f of allFiles(DIST).filter((f) => /\.(html|js|json|css)$/.test(f))) {
      const text = readFileSync(f, 'utf8');
      for (const id of ids) if (new RegExp(`\\b${id}\\b`).test(text)) leaks.push(`${f}: id ${id}`);
      const honoursPage = f.includes(`${DIST}/honours/`) || f.includes('/pagefind/');
      for (const n of [...names, ...accounts]) if (text.includes(n) && !(honoursPage && honoured.has(n))) leaks.push(`${f}: name ${n}`);
      for (const a of amounts) if (text.includes(`¥${a}`)) leaks.push(`${f}: amount ${a}`);
    }
    expect(leaks, leaks.slice(0, 20).join('\n')).toEqual([]);
  });
});
