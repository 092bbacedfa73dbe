// The reconciliation finance reads (scripts/report/render-reconcile.ts) and the per-person CSV
// (render-csv.ts), rendered from a hand-built result: every headline, table row and CSV line below
// is written out by hand, so a wrong sign, total, word or quote shows up here and not at month end.
import { describe, expect, it } from 'vitest';
import type { Reconciliation } from '../../scripts/engine/reconcile.ts';
import type { Impact } from '../../scripts/compare/impact-types.ts';
import {
  differenceWords,
  reconcileHeadline,
  reconcileHeadlineText,
  renderReconcileCsv,
  renderReconcileJson,
  renderReconcileMarkdown,
} from '../../scripts/report/render-reconcile.ts';
import { csvCell, neutraliseCell, renderCsv } from '../../scripts/report/render-csv.ts';
import { renderJson } from '../../scripts/report/render-json.ts';

const R: Reconciliation = {
  from: '2026-07',
  to: '2026-08',
  differences: [
    { agent: 'A1', period: '2026-07', paid_fen: 112345, computed_fen: 100000, diff_fen: 12345, direction: 'overpaid', amount_fen: 12345, provisional: false },
    { agent: 'A2', period: '2026-07', paid_fen: 100000, computed_fen: 600000, diff_fen: -500000, direction: 'underpaid', amount_fen: 500000, provisional: false },
    { agent: 'A|3', period: '2026-08', paid_fen: null, computed_fen: 250000, diff_fen: -250000, direction: 'underpaid', amount_fen: 250000, provisional: true },
    { agent: 'A4', period: '2026-08', paid_fen: 30000, computed_fen: null, diff_fen: 30000, direction: 'overpaid', amount_fen: 30000, provisional: true },
  ],
  months: [
    {
      period: '2026-07',
      provisional: false,
      payslips: 3,
      paid_rows: 3,
      matched: 1,
      differences: 2,
      overpaid_people: 1,
      overpaid_fen: 12345,
      underpaid_people: 1,
      underpaid_fen: 500000,
      computed_total_fen: 1234567,
      paid_total_fen: 1000000,
    },
    {
      period: '2026-08',
      provisional: true,
      payslips: 2,
      paid_rows: 1,
      matched: 0,
      differences: 2,
      overpaid_people: 1,
      overpaid_fen: 30000,
      underpaid_people: 1,
      underpaid_fen: 250000,
      computed_total_fen: 250000,
      paid_total_fen: 30000,
    },
  ],
  adjustments: [
    { agent: 'A1', period: '2026-08', original: '2026-07', line: { code: 'clawback', params: { original: '2026-07', plans: ['sales_commission'], refunded_fen: 100000, amount_fen: -2000, types: ['refund'] } }, amount_fen: -2000 },
    { agent: 'A2', period: '2026-08', original: '', line: { code: 'clawback_carried', params: { carried_fen: 500 } }, amount_fen: 500 },
  ],
};

const MATCHING: Reconciliation = { from: '2026-07', to: '2026-07', differences: [], months: [{ ...R.months[0]!, matched: 3, differences: 0, overpaid_people: 0, overpaid_fen: 0, underpaid_people: 0, underpaid_fen: 0 }], adjustments: [] };

describe('reconciliation words', () => {
  it('says which side is missing, or who got more, with the amounts', () => {
    expect(R.differences.map((d) => differenceWords(d))).toEqual([
      '多发 ¥123.45:实发比按规则应发多 ¥123.45',
      '少发 ¥5,000.00:实发比按规则应发少 ¥5,000.00',
      '少发 ¥2,500.00:工资表中没有这一行,按规则应发 ¥2,500.00',
      '多发 ¥300.00:按规则本月不应发放(无工资条),实发 ¥300.00',
    ]);
    expect(R.differences.map((d) => differenceWords(d, 'en'))).toEqual([
      'overpaid ¥123.45 against the rules',
      'underpaid ¥5,000.00 against the rules',
      'underpaid ¥2,500.00: no payroll row; the rules give ¥2,500.00',
      'overpaid ¥300.00: no payslip under the rules; paid ¥300.00',
    ]);
  });

  it('heads the report with the payslips, the differences and each direction’s people and total', () => {
    expect(reconcileHeadlineText(R)).toBe('核对 2026-07 至 2026-08:5 条工资条,4 处差异(多发 2 人次共 ¥423.45,少发 2 人次共 ¥7,500.00)');
    expect(reconcileHeadline(R, 'en')).toBe('reconciled 2026-07 to 2026-08: 5 payslips, 4 difference(s) (overpaid 2 × ¥423.45, underpaid 2 × ¥7,500.00)');
    expect(reconcileHeadline(MATCHING)).toBe('核对 2026-07:3 条工资条,0 处差异,全部一致');
    expect(reconcileHeadlineText(MATCHING, 'en')).toBe('reconciled 2026-07 to 2026-07: 3 payslips, 0 difference(s)');
  });
});

describe('reconciliation Markdown', () => {
  it('has the monthly summary, the differences and the clawbacks, with the provisional note', () => {
    expect(renderReconcileMarkdown(R).split('\n')).toEqual([
      '# 工资核对',
      '',
      '核对 2026-07 至 2026-08:5 条工资条,4 处差异(多发 2 人次共 ¥423.45,少发 2 人次共 ¥7,500.00)',
      '',
      '标记「未结算(预估)」的月份平台数据尚未结算,计算结果是预估值,结算后可能变化。',
      '',
      '## 每月汇总',
      '',
      '| 月份 | 数据状态 | 工资条 | 实发记录 | 一致 | 差异 | 多发 | 少发 | 应发合计 | 实发合计 |',
      '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      '| 2026-07 | 已结算 | 3 | 3 | 1 | 2 | 1 人次 ¥123.45 | 1 人次 ¥5,000.00 | ¥12,345.67 | ¥10,000.00 |',
      '| 2026-08 | 未结算(预估) | 2 | 1 | 0 | 2 | 1 人次 ¥300.00 | 1 人次 ¥2,500.00 | ¥2,500.00 | ¥300.00 |',
      '',
      '## 差异明细',
      '',
      '| 员工 | 月份 | 数据状态 | 实发 | 按规则应发 | 结论 |',
      '| --- | --- | --- | ---: | ---: | --- |',
      '| A1 | 2026-07 | 已结算 | ¥1,123.45 | ¥1,000.00 | 多发 ¥123.45:实发比按规则应发多 ¥123.45 |',
      '| A2 | 2026-07 | 已结算 | ¥1,000.00 | ¥6,000.00 | 少发 ¥5,000.00:实发比按规则应发少 ¥5,000.00 |',
      '| A\\|3 | 2026-08 | 未结算(预估) | (无) | ¥2,500.00 | 少发 ¥2,500.00:工资表中没有这一行,按规则应发 ¥2,500.00 |',
      '| A4 | 2026-08 | 未结算(预估) | ¥300.00 | (无) | 多发 ¥300.00:按规则本月不应发放(无工资条),实发 ¥300.00 |',
      '',
      '## 退款扣回 / 补发',
      '',
      '发薪后到账的退款按退款扣回规则重算原月份的提成,差额记在处理月份(已计入上面的应发)。',
      '',
      '| 员工 | 记入月份 | 原月份 | 项目 | 金额 |',
      '| --- | --- | --- | --- | ---: |',
      '| A1 | 2026-08 | 2026-07 | 扣回 2026-07 提成(退款) | -¥20.00 |',
      '| A2 | 2026-08 | — | 以前月份顺延的扣回 | +¥5.00 |',
      '',
    ]);
  });

  it('has no provisional note, no differences and no clawbacks when everything matches', () => {
    expect(renderReconcileMarkdown(MATCHING)).toBe(
      [
        '# 工资核对',
        '',
        '核对 2026-07:3 条工资条,0 处差异,全部一致',
        '',
        '## 每月汇总',
        '',
        '| 月份 | 数据状态 | 工资条 | 实发记录 | 一致 | 差异 | 多发 | 少发 | 应发合计 | 实发合计 |',
        '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
        '| 2026-07 | 已结算 | 3 | 3 | 3 | 0 | 0 人次 ¥0.00 | 0 人次 ¥0.00 | ¥12,345.67 | ¥10,000.00 |',
        '',
      ].join('\n'),
    );
  });

  it('renders the English report with statuses, differences and clawback labels in English', () => {
    expect(renderReconcileMarkdown(R, 'en')).toBe(
      [
        '# Payroll reconciliation',
        '',
        'reconciled 2026-07 to 2026-08: 5 payslips, 4 difference(s) (overpaid 2 × ¥423.45, underpaid 2 × ¥7,500.00)',
        '',
        '| month | status | payslips | paid rows | matched | differences |',
        '| --- | --- | ---: | ---: | ---: | ---: |',
        '| 2026-07 | settled | 3 | 3 | 1 | 2 |',
        '| 2026-08 | provisional | 2 | 1 | 0 | 2 |',
        '- A1 2026-07: overpaid ¥123.45 against the rules',
        '- A2 2026-07: underpaid ¥5,000.00 against the rules',
        '- A\\|3 2026-08: underpaid ¥2,500.00: no payroll row; the rules give ¥2,500.00',
        '- A4 2026-08: overpaid ¥300.00: no payslip under the rules; paid ¥300.00',
        '',
        '## Refund clawbacks and repayments',
        '',
        '| agent | paid in | original month | line | amount |',
        '| --- | --- | --- | --- | ---: |',
        '| A1 | 2026-08 | 2026-07 | Clawback of 2026-07 commission (refund) | -¥20.00 |',
        '| A2 | 2026-08 | — | Clawback carried over from earlier months | +¥5.00 |',
        '',
      ].join('\n'),
    );
    expect(renderReconcileMarkdown(MATCHING, 'en')).toBe(
      ['# Payroll reconciliation', '', 'reconciled 2026-07 to 2026-07: 3 payslips, 0 difference(s)', '', '| month | status | payslips | paid rows | matched | differences |', '| --- | --- | ---: | ---: | ---: | ---: |', '| 2026-07 | settled | 3 | 3 | 3 | 0 |', ''].join('\n'),
    );
  });
});

describe('reconciliation CSV and JSON', () => {
  it('writes one row per difference, per clawback line and per month, quoting cells with commas', () => {
    expect(renderReconcileCsv(R)).toBe(
      '\ufeff' +
        [
          'row_type,agent_id,period,data_status,paid,computed,direction,amount,explanation,overpaid_total,underpaid_total,differences,matched',
          'difference,A1,2026-07,已结算,1123.45,1000.00,多发,123.45,多发 ¥123.45:实发比按规则应发多 ¥123.45,,,,',
          'difference,A2,2026-07,已结算,1000.00,6000.00,少发,5000.00,"少发 ¥5,000.00:实发比按规则应发少 ¥5,000.00",,,,',
          'difference,A|3,2026-08,未结算(预估),,2500.00,少发,2500.00,"少发 ¥2,500.00:工资表中没有这一行,按规则应发 ¥2,500.00",,,,',
          'difference,A4,2026-08,未结算(预估),300.00,,多发,300.00,"多发 ¥300.00:按规则本月不应发放(无工资条),实发 ¥300.00",,,,',
          'adjustment,A1,2026-08,,,-20.00,扣回,20.00,扣回 2026-07 提成(退款)(原月份 2026-07),,,,',
          'adjustment,A2,2026-08,,,5.00,补发,5.00,以前月份顺延的扣回(原月份 ),,,,',
          'month_total,,2026-07,已结算,10000.00,12345.67,,,,123.45,5000.00,2,1',
          'month_total,,2026-08,未结算(预估),300.00,2500.00,,,,300.00,2500.00,2,0',
        ].join('\r\n') +
        '\r\n',
    );
  });

  it('calls a clawback line of 0 fen a repayment, not a clawback', () => {
    const zero: Reconciliation = { ...MATCHING, adjustments: [{ ...R.adjustments[1]!, amount_fen: 0 }] };
    expect(renderReconcileCsv(zero).split('\r\n')[1]).toBe('adjustment,A2,2026-08,,,0.00,补发,0.00,以前月份顺延的扣回(原月份 ),,,,');
  });

  it('writes the JSON with the headline, all_match, statuses, words and clawback labels', () => {
    const doc = JSON.parse(renderReconcileJson(R)) as Record<string, unknown>;
    expect(doc.from).toBe('2026-07');
    expect(doc.to).toBe('2026-08');
    expect(doc.headline).toBe('核对 2026-07 至 2026-08:5 条工资条,4 处差异(多发 2 人次共 ¥423.45,少发 2 人次共 ¥7,500.00)');
    expect(doc.all_match).toBe(false);
    expect((doc.months as { data_status: string; period: string }[]).map((m) => [m.period, m.data_status])).toEqual([
      ['2026-07', '已结算'],
      ['2026-08', '未结算(预估)'],
    ]);
    expect((doc.differences as Record<string, unknown>[])[2]).toEqual({
      agent: 'A|3',
      period: '2026-08',
      paid_fen: null,
      computed_fen: 250000,
      diff_fen: -250000,
      direction: 'underpaid',
      amount_fen: 250000,
      provisional: true,
      direction_zh: '少发',
      data_status: '未结算(预估)',
      explanation: '少发 ¥2,500.00:工资表中没有这一行,按规则应发 ¥2,500.00',
    });
    expect(doc.adjustments).toEqual([
      { agent: 'A1', period: '2026-08', original: '2026-07', label: '扣回 2026-07 提成(退款)', amount_fen: -2000 },
      { agent: 'A2', period: '2026-08', original: '', label: '以前月份顺延的扣回', amount_fen: 500 },
    ]);
    expect(renderReconcileJson(MATCHING)).toContain('"all_match": true');
    expect(renderReconcileJson(MATCHING).endsWith('}\n')).toBe(true);
  });
});

describe('per-person CSV', () => {
  const person = { agent: 'A001', alias: 'p-1', shop: 'tmall', team: 't01', position: 'agent', base_fen: 500000, head_fen: 512345, change_fen: 12345, percent: 0.02469, bucket: 'up_0_5' };
  const impact = { people: [person, { ...person, agent: 'A002', alias: 'p-2', shop: '=HYPERLINK("x")', team: 'a,b', base_fen: 0, head_fen: -100, change_fen: -100, percent: null }] } as unknown as Impact;

  it('writes aliases by default and real ids only when asked, with yuan, percent to 4 places and neutralised cells', () => {
    const lines = [
      'person,shop,team,position,base_total,proposal_total,change,change_percent,bucket',
      'p-1,tmall,t01,agent,5000.00,5123.45,123.45,0.0247,up_0_5',
      'p-2,"\'=HYPERLINK(""x"")","a,b",agent,0.00,-1.00,-1.00,,up_0_5',
    ];
    expect(renderCsv(impact)).toBe('\ufeff' + lines.join('\r\n') + '\r\n');
    expect(renderCsv(impact, { realIds: true }).split('\r\n').slice(1, 3).map((l) => l.split(',')[0])).toEqual(['A001', 'A002']);
  });

  it('neutralises formula starts but not plain signed numbers', () => {
    expect(['=1+1', '+1x', '-x', '@SUM(A1)', '\tx', '\rx', '-12.34', '+5', '-5', 'a=b', ''].map(neutraliseCell)).toEqual(["'=1+1", "'+1x", "'-x", "'@SUM(A1)", "'\tx", "'\rx", '-12.34', '+5', '-5', 'a=b', '']);
    expect(['-1.', '-.5', '1-2'].map(neutraliseCell)).toEqual(["'-1.", "'-.5", '1-2']);
  });

  it('quotes a cell holding a comma, a quote or a line break, and writes null as empty', () => {
    expect([csvCell('a,b'), csvCell('say "hi"'), csvCell('two\nlines'), csvCell('cr\rhere'), csvCell(null), csvCell(0), csvCell('plain')]).toEqual(['"a,b"', '"say ""hi"""', '"two\nlines"', '"cr\rhere"', '', '0', 'plain']);
  });
});

describe('impact JSON', () => {
  it('shows aliases in place of ids unless real ids are asked for, and ends with a newline', () => {
    const p = { agent: 'A001', alias: 'p-1', shop: 's', team: 't', position: 'agent', base_fen: 1, head_fen: 2, change_fen: 1, percent: 100, bucket: 'gain_more' };
    const impact = { headline: { text: 'h' }, people: [p], largest_changes: [p] } as unknown as Impact;
    const doc = JSON.parse(renderJson(impact)) as { headline: { text: string }; people: { agent: string; alias: string }[]; largest_changes: { agent: string }[] };
    expect([doc.headline.text, doc.people[0]!.agent, doc.people[0]!.alias, doc.largest_changes[0]!.agent]).toEqual(['h', 'p-1', 'p-1', 'p-1']);
    const real = JSON.parse(renderJson(impact, { realIds: true })) as typeof doc;
    expect([real.people[0]!.agent, real.largest_changes[0]!.agent]).toEqual(['A001', 'A001']);
    expect(renderJson(impact).endsWith('}\n')).toBe(true);
    expect(renderJson(impact)).toContain('\n  "people": [');
  });
});
