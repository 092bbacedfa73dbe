// Cells as spreadsheets write them, each read to the exact value or refused with the exact code
// (scripts/history/parse-value.ts), plus the dated accounts of the roster (account-spans.ts) and
// the encoding guess (decode-text.ts). Every expectation is written out by hand.
import { describe, expect, it } from 'vitest';
import { isCellError, parseCountCell, parseMetricCell, parseMoneyCell, parseNumberCell, parseRatioCell } from '../../scripts/history/parse-value.ts';
import { describeSpan, holderOf, parseAccountEntry, periodDays, spansOverlap } from '../../scripts/history/account-spans.ts';
import { detectEncoding } from '../../scripts/history/decode-text.ts';
import { adjustmentTypeOf, adjustmentTypeWords, presentTypes } from '../../scripts/history/adjustment-types.ts';
import { historyJsonSchema } from '../../scripts/history/row-schemas.ts';
import { headerOptionsFromCatalogue } from '../../scripts/history/header-map.ts';
import type { MetricsPolicyData } from '../../scripts/policy/schema/index.ts';

describe('number cells', () => {
  it('reads plain, signed, padded and thousands-separated numbers', () => {
    expect(['7', ' 7 ', '+3', '-3', '1,234.50', '12,345,678', '0.5', '1234'].map(parseNumberCell)).toEqual([7, 7, 3, -3, 1234.5, 12345678, 0.5, 1234]);
  });

  it('refuses text, misplaced separators and bare points, naming the cell as written', () => {
    for (const raw of ['abc', 'a5', '5a', '1,23', '1234,567', '.5', '5.', '1.2.3', '', '--1', '1 000']) {
      expect(parseNumberCell(raw), raw).toEqual({ code: 'not_a_number', params: { value: raw } });
    }
  });

  it('refuses a number too long to be finite, shortening it to 40 characters in the message', () => {
    const raw = '9'.repeat(400);
    expect(parseNumberCell(raw)).toEqual({ code: 'implausible_value', params: { value: `${'9'.repeat(40)}…`, max: 1e9 } });
  });
});

describe('ratio cells', () => {
  it('reads percentages as fractions and fractions as they are', () => {
    expect(['52%', '52.31%', ' 52% ', '0.52', '0', '1000%', '10', '0.0000001%'].map((r) => parseRatioCell(r))).toEqual([0.52, 0.5231, 0.52, 0.52, 0, 10, 10, 0]);
  });

  it('refuses a negative ratio or one above the limit, stating the limit as a percentage', () => {
    expect(parseRatioCell('-0.01')).toEqual({ code: 'ratio_out_of_range', params: { value: '-0.01', max: '1000%' } });
    expect(parseRatioCell('10.01')).toEqual({ code: 'ratio_out_of_range', params: { value: '10.01', max: '1000%' } });
    expect(parseRatioCell('1000.01%')).toEqual({ code: 'ratio_out_of_range', params: { value: '1000.01%', max: '1000%' } });
    expect(parseRatioCell('1.5', 1)).toEqual({ code: 'ratio_out_of_range', params: { value: '1.5', max: '100%' } });
    expect(parseRatioCell('1', 1)).toBe(1);
  });

  it('refuses text before the percent sign', () => {
    expect(parseRatioCell('abc%')).toEqual({ code: 'not_a_number', params: { value: 'abc' } });
  });
});

describe('money cells', () => {
  it('reads yuan to integer fen from the decimal text, with either yuan sign', () => {
    const fen = (raw: string) => parseMoneyCell(raw);
    expect(['0.29', '12.5', '12.05', '¥1,234.5', '￥12', '-0.29', '+0.29', ' 7 ', '0'].map(fen)).toEqual([
      { fen: 29 },
      { fen: 1250 },
      { fen: 1205 },
      { fen: 123450 },
      { fen: 1200 },
      { fen: -29 },
      { fen: 29 },
      { fen: 700 },
      { fen: 0 },
    ]);
  });

  it('refuses a third decimal and text', () => {
    expect(parseMoneyCell('1.234')).toEqual({ code: 'too_many_decimals', params: { value: '1.234' } });
    expect(parseMoneyCell('¥')).toEqual({ code: 'not_a_number', params: { value: '¥' } });
    expect(parseMoneyCell('12元')).toEqual({ code: 'not_a_number', params: { value: '12元' } });
  });

  it('accepts the limit in yuan and refuses a fen more, or more than 14 digits of yuan whatever the limit', () => {
    expect(parseMoneyCell('1000000000000')).toEqual({ fen: 100000000000000 });
    expect(parseMoneyCell('1000000000001')).toEqual({ code: 'implausible_value', params: { value: '1000000000001', max: 1e12 } });
    expect(parseMoneyCell('501', 500)).toEqual({ code: 'implausible_value', params: { value: '501', max: 500 } });
    expect(parseMoneyCell('500.00', 500)).toEqual({ fen: 50000 });
    expect(parseMoneyCell('500.01', 500)).toEqual({ code: 'implausible_value', params: { value: '500.01', max: 500 } });
    expect(parseMoneyCell('-500', 500)).toEqual({ fen: -50000 });
    expect(parseMoneyCell('-500.01', 500)).toEqual({ code: 'implausible_value', params: { value: '-500.01', max: 500 } });
    expect(parseMoneyCell('90000000000000', Infinity)).toEqual({ fen: 9e15 });
  });

  it('refuses an amount whose fen would pass 2^53, where integer fen stop being exact', () => {
    expect(parseMoneyCell('99999999999999.99', Infinity)).toEqual({ code: 'implausible_value', params: { value: '99999999999999.99', max: Infinity } });
    expect(parseMoneyCell('100000000000000', Infinity)).toEqual({ code: 'implausible_value', params: { value: '100000000000000', max: Infinity } });
    expect(parseMoneyCell('1000000000000000', Infinity)).toEqual({ code: 'implausible_value', params: { value: '1000000000000000', max: Infinity } });
    expect(parseMoneyCell('9'.repeat(400), Infinity)).toEqual({ code: 'implausible_value', params: { value: `${'9'.repeat(40)}…`, max: Infinity } });
  });
});

describe('count cells', () => {
  it('reads whole non-negative counts up to the limit', () => {
    expect(['0', '3', '1,000', '1000000000'].map((r) => parseCountCell(r))).toEqual([0, 3, 1000, 1e9]);
    expect(parseCountCell('5', 5)).toBe(5);
  });

  it('refuses negatives, fractions and counts above the limit', () => {
    expect(parseCountCell('-1')).toEqual({ code: 'negative_value', params: { value: '-1' } });
    expect(parseCountCell('1.5')).toEqual({ code: 'not_an_integer', params: { value: '1.5' } });
    expect(parseCountCell('1000000001')).toEqual({ code: 'implausible_value', params: { value: '1000000001', max: 1e9 } });
    expect(parseCountCell('6', 5)).toEqual({ code: 'implausible_value', params: { value: '6', max: 5 } });
    expect(parseCountCell('x')).toEqual({ code: 'not_a_number', params: { value: 'x' } });
  });

  it('keeps a 40-character cell whole in the message and shortens a 41-character one', () => {
    const forty = `1${'0'.repeat(39)}`;
    expect(parseCountCell(forty)).toEqual({ code: 'implausible_value', params: { value: forty, max: 1e9 } });
    expect(parseCountCell(`${forty}0`)).toEqual({ code: 'implausible_value', params: { value: `${forty}…`, max: 1e9 } });
  });
});

describe('metric cells by catalogue unit', () => {
  it('reads each unit its own way', () => {
    expect(parseMetricCell('52%', 'ratio')).toBe(0.52);
    expect(parseMetricCell('1,000', 'count')).toBe(1000);
    expect(parseMetricCell('¥1,000.50', 'cny')).toBe(1000.5);
    expect(parseMetricCell('0.29', 'cny')).toBe(0.29);
    // No refunds this month is 0 yuan, not a negative amount; nor is a sign on nothing.
    expect(parseMetricCell('0', 'cny')).toBe(0);
    expect(parseMetricCell('-0.00', 'cny')).toBe(0);
    expect(parseMetricCell('12.5', 'seconds')).toBe(12.5);
    // Seconds and points are not money: three decimals are fine.
    expect(parseMetricCell('12.345', 'seconds')).toBe(12.345);
    expect(parseMetricCell('0', 'points')).toBe(0);
    expect(parseMetricCell('1000000000', 'points')).toBe(1e9);
  });

  it('refuses negatives in every unit, and amounts above one agent-period limit', () => {
    expect(parseMetricCell('-1', 'count')).toEqual({ code: 'negative_value', params: { value: '-1' } });
    expect(parseMetricCell('-0.01', 'cny')).toEqual({ code: 'negative_value', params: { value: '-0.01' } });
    expect(parseMetricCell('-1', 'seconds')).toEqual({ code: 'negative_value', params: { value: '-1' } });
    expect(parseMetricCell('-5%', 'ratio')).toEqual({ code: 'ratio_out_of_range', params: { value: '-5%', max: '1000%' } });
    expect(parseMetricCell('1000000001', 'cny')).toEqual({ code: 'implausible_value', params: { value: '1000000001', max: 1e9 } });
    expect(parseMetricCell('1000000001', 'seconds')).toEqual({ code: 'implausible_value', params: { value: '1000000001', max: 1e9 } });
    expect(parseMetricCell('1.234', 'cny')).toEqual({ code: 'too_many_decimals', params: { value: '1.234' } });
    expect(parseMetricCell('x', 'seconds')).toEqual({ code: 'not_a_number', params: { value: 'x' } });
  });

  it('tells a cell error from a value', () => {
    expect([isCellError({ code: 'not_a_number', params: {} }), isCellError(null), isCellError(3), isCellError({ fen: 3 }), isCellError('code')]).toEqual([true, false, false, false, false]);
  });
});

describe('dated accounts', () => {
  it('reads an undated, a dated, an open-ended and an open-started entry, trimming around @ and ~', () => {
    expect(parseAccountEntry('店:小雪', 'A1')).toEqual({ span: { account: '店:小雪', agent: 'A1' } });
    expect(parseAccountEntry('店:小雪 @ 2024-01-01 ~ 2025-06-30', 'A1')).toEqual({ span: { account: '店:小雪', agent: 'A1', from: '2024-01-01', to: '2025-06-30' } });
    expect(parseAccountEntry('店:小雪@2025-07-01~', 'A2')).toEqual({ span: { account: '店:小雪', agent: 'A2', from: '2025-07-01' } });
    expect(parseAccountEntry('店:小雪@~2025-06-30', 'A1')).toEqual({ span: { account: '店:小雪', agent: 'A1', to: '2025-06-30' } });
    expect(parseAccountEntry('店:小雪@2025-07-01～2025-07-01', 'A2')).toEqual({ span: { account: '店:小雪', agent: 'A2', from: '2025-07-01', to: '2025-07-01' } });
    expect(parseAccountEntry('a@b@2025-07-01~', 'A3').span).toEqual({ account: 'a@b', agent: 'A3', from: '2025-07-01' });
  });

  it('reads an entry of dates only, and a start date without ~', () => {
    expect(parseAccountEntry('@2025-01-01~', 'A1')).toEqual({ span: { account: '', agent: 'A1', from: '2025-01-01' } });
    expect(parseAccountEntry('店:小雪@2025-07-01', 'A2')).toEqual({ span: { account: '店:小雪', agent: 'A2', from: '2025-07-01' } });
  });

  it('names the malformed date, or both dates when they run backwards', () => {
    expect(parseAccountEntry('店:小雪@2025-13-01~', 'A1').bad).toBe('2025-13-01');
    expect(parseAccountEntry('店:小雪@~2025-6-30', 'A1').bad).toBe('2025-6-30');
    expect(parseAccountEntry('店:小雪@x2025-06-30~', 'A1').bad).toBe('x2025-06-30');
    expect(parseAccountEntry('店:小雪@2025-06-301~', 'A1').bad).toBe('2025-06-301');
    expect(parseAccountEntry('店:小雪@2025-07-01~2025-06-30', 'A1').bad).toBe('2025-07-01~2025-06-30');
  });

  it('gives the days of a month and of an ISO week', () => {
    expect(periodDays('2026-02')).toEqual({ start: '2026-02-01', end: '2026-02-28' });
    expect(periodDays('2026-W01')).toEqual({ start: '2025-12-29', end: '2026-01-04' });
  });

  it('counts spans sharing their last and first day as overlapping, and the next day as not', () => {
    const a = { account: 'x', agent: 'A', to: '2025-06-30' };
    expect(spansOverlap(a, { account: 'x', agent: 'B', from: '2025-06-30' })).toBe(true);
    expect(spansOverlap({ account: 'x', agent: 'B', from: '2025-06-30' }, a)).toBe(true);
    expect(spansOverlap(a, { account: 'x', agent: 'B', from: '2025-07-01' })).toBe(false);
    expect(spansOverlap({ account: 'x', agent: 'B', from: '2025-07-01' }, a)).toBe(false);
    expect(spansOverlap({ account: 'x', agent: 'A' }, { account: 'x', agent: 'B' })).toBe(true);
  });

  it('gives a month to who held the account for more of its days, the later holder on a tie', () => {
    const early = { account: 'x', agent: 'A', to: '2026-07-15' };
    const late = { account: 'x', agent: 'B', from: '2026-07-16' };
    expect(holderOf([early, late], '2026-07')?.agent).toBe('B');
    expect(holderOf([late, early], '2026-07')?.agent).toBe('B');
    const early16 = { account: 'x', agent: 'A', to: '2026-07-16' };
    const late17 = { account: 'x', agent: 'B', from: '2026-07-17' };
    expect(holderOf([early16, late17], '2026-07')?.agent).toBe('A');
    expect(holderOf([late17, early16], '2026-07')?.agent).toBe('A');
    const june = [{ account: 'x', agent: 'A', to: '2026-06-15' }, { account: 'x', agent: 'B', from: '2026-06-16' }];
    expect(holderOf(june, '2026-06')?.agent).toBe('B');
    expect(holderOf([...june].reverse(), '2026-06')?.agent).toBe('B');
  });

  it('counts only the days inside the month for spans reaching before or after it', () => {
    // A holds it 10 days of July (from June), B 21: B. A reading days from 1 June would make A's 40.
    expect(holderOf([{ account: 'x', agent: 'A', from: '2026-06-01', to: '2026-07-10' }, { account: 'x', agent: 'B', from: '2026-07-11', to: '2026-07-31' }], '2026-07')?.agent).toBe('B');
    // A holds it 20 days, B 11 (to September): A. B reading days to 30 September would make B's 72.
    expect(holderOf([{ account: 'x', agent: 'A', from: '2026-07-01', to: '2026-07-20' }, { account: 'x', agent: 'B', from: '2026-07-21', to: '2026-09-30' }], '2026-07')?.agent).toBe('A');
  });

  it('gives nobody a month outside every span, and the holder of the one day inside', () => {
    expect(holderOf([{ account: 'x', agent: 'A', to: '2026-06-30' }], '2026-07')).toBeUndefined();
    expect(holderOf([{ account: 'x', agent: 'A', from: '2026-08-01' }], '2026-07')).toBeUndefined();
    expect(holderOf([{ account: 'x', agent: 'A', to: '2026-07-01' }], '2026-07')?.agent).toBe('A');
    expect(holderOf([{ account: 'x', agent: 'A', from: '2026-07-31' }], '2026-07')?.agent).toBe('A');
    expect(holderOf([{ account: 'x', agent: 'A', from: '2026-01-04' }], '2026-W01')?.agent).toBe('A');
    expect(holderOf([], '2026-07')).toBeUndefined();
  });

  it('describes a span for messages with its dates, and an undated one without', () => {
    expect(describeSpan({ account: '店:小雪', agent: 'A1' })).toBe('店:小雪(A1)');
    expect(describeSpan({ account: '店:小雪', agent: 'A1', from: '2024-01-01' })).toBe('店:小雪(A1,2024-01-01~)');
    expect(describeSpan({ account: '店:小雪', agent: 'A1', to: '2025-06-30' })).toBe('店:小雪(A1,~2025-06-30)');
  });
});

describe('encoding guess', () => {
  const bytes = (...b: number[]) => new Uint8Array(b);
  it('takes a BOM, strict UTF-8 (a character cut at the end of the sample included) or else GB18030', () => {
    expect(detectEncoding(bytes(0xef, 0xbb, 0xbf, 0x41))).toBe('utf8');
    expect(detectEncoding(new TextEncoder().encode('旺旺昵称,统计周期'))).toBe('utf8');
    expect(detectEncoding(new TextEncoder().encode('旺旺').subarray(0, 4))).toBe('utf8');
    // 旺旺 in GB18030: not UTF-8.
    expect(detectEncoding(bytes(0xcd, 0xfa, 0xcd, 0xfa))).toBe('gb18030');
    // A lone 0xEF followed by ASCII is no BOM and no UTF-8; it is a GB18030 pair.
    expect(detectEncoding(bytes(0xef, 0x41, 0x41))).toBe('gb18030');
    expect(detectEncoding(bytes(0xef, 0xbb, 0x41))).toBe('gb18030');
    expect(detectEncoding(bytes(0xef, 0x41, 0xbf))).toBe('gb18030');
    expect(detectEncoding(bytes(0x41, 0xbb, 0xbf))).toBe('gb18030');
  });

  it('trusts a BOM even when bad bytes follow it (the reader then says where they are)', () => {
    expect(detectEncoding(bytes(0xef, 0xbb, 0xbf, 0xff))).toBe('utf8');
  });

  it('gives up on bytes neither encoding has', () => {
    expect(detectEncoding(bytes(0x41, 0xff, 0x41))).toBeUndefined();
  });
});

describe('adjustment types', () => {
  it('reads a type by id or Chinese word, trimmed', () => {
    expect(['refund', ' 退款 ', '更正', '销售额更正', 'correction', '其他', '其他调整', 'other', 'x', ''].map(adjustmentTypeOf)).toEqual([
      'refund',
      'refund',
      'correction',
      'correction',
      'correction',
      'other',
      'other',
      'other',
      undefined,
      undefined,
    ]);
  });

  it('lists the types present once each in the fixed order, in words', () => {
    expect(presentTypes(['other', 'refund', 'refund'])).toEqual(['refund', 'other']);
    expect(adjustmentTypeWords(['other', 'correction', 'refund'])).toBe('退款、销售额更正、其他调整');
    expect(adjustmentTypeWords(['other', 'refund'], 'en')).toBe('refund, other adjustment');
    expect(adjustmentTypeWords([])).toBe('');
  });
});

describe('history file schemas and export headers', () => {
  it('describes a roster row strictly and a metrics row loosely (metric columns come from the catalogue)', () => {
    const roster = historyJsonSchema('roster');
    expect(roster.$id).toBe('https://cs-pay-policy.local/schemas/history/roster.schema.json');
    expect(roster.additionalProperties).toBe(false);
    expect(roster.required).toEqual(['agent_id', 'name', 'shop', 'team', 'position', 'grade', 'hired']);
    expect((roster.properties as Record<string, unknown>).agent_id).toEqual({ type: 'string', pattern: '^[A-Za-z0-9_-]+$', description: '员工编号(不是旺旺昵称)/ Employee id, not a platform account' });
    const metrics = historyJsonSchema('metrics');
    expect(metrics.additionalProperties).toEqual({});
    expect(metrics.required).toEqual(['旺旺昵称', '统计周期']);
  });

  it('maps the export headers of raw metrics only, and keeps every unit', () => {
    const catalogue = {
      metrics: [
        { id: 'inquiries', label: '询单人数', unit: 'count', direction: 'higher_better', headers: ['询单人数', '咨询人数'] },
        { id: 'conversion_rate', label: '转化率', unit: 'ratio', direction: 'higher_better', formula: 'paying_buyers / inquiries', headers: ['转化率'] },
        { id: 'sales', label: '销售额', unit: 'cny', direction: 'higher_better' },
      ],
      ignored_headers: ['客单价'],
    } as unknown as MetricsPolicyData;
    expect(headerOptionsFromCatalogue(catalogue)).toEqual({
      headerMap: { 询单人数: 'inquiries', 咨询人数: 'inquiries' },
      ignoredHeaders: ['客单价'],
      metricUnits: { inquiries: 'count', conversion_rate: 'ratio', sales: 'cny' },
    });
  });
});
