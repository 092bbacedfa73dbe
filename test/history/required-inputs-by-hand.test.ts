// checkRequiredInputs against what a history folder holds, with every problem written out by hand:
// the column a policy in force reads (through a derived metric too), the policy and the file:line
// that needs it, each once however many months or policies need it.
import { describe, expect, it } from 'vitest';
import { checkRequiredInputs, type PresentInputs } from '../../scripts/history/required-inputs.ts';
import { loadPolicySet } from '../../scripts/policy/load-policies.ts';
import { readPolicyFiles } from '../../scripts/policy/read-policy-files.ts';

const setOf = (...files: string[]) => loadPolicySet(readPolicyFiles(files.map((f) => `policies/${f}`))).set;
const PLANS = setOf('metrics.yaml', 'sales-commission.yaml', 'step-bonus-conversion.yaml');
const POINTS = setOf('metrics.yaml', 'points.yaml');
const none = (dir = 'data/x/'): PresentInputs => ({ dir, files: {}, metricColumns: [] });

const column = (metric: string, header: string, label: string, policy: string, where: string, via = '', file = 'data/x/metrics.csv') => ({
  code: 'missing_metric_column',
  severity: 'error',
  file,
  line: 1,
  column: 0,
  path: header,
  params: { column: header, metric, label, policy, where, via },
});

describe('required inputs', () => {
  it('names each missing column once: read directly, or through a derived metric', () => {
    expect(checkRequiredInputs(PLANS, ['2025-06', '2025-07'], none())).toEqual([
      // Pay plans in force come in id order (conversion_step_bonus before sales_commission), a formula's
      // metrics in name order.
      column('inquiries', '询单人数', '询单人数', 'conversion_step_bonus', 'policies/step-bonus-conversion.yaml:16:11', 'conversion_rate'),
      column('paying_buyers', '询单最终付款人数', '询单最终付款人数', 'conversion_step_bonus', 'policies/step-bonus-conversion.yaml:16:11', 'conversion_rate'),
      column('sales', '询单最终付款金额', '销售额', 'sales_commission', 'policies/sales-commission.yaml:17:11'),
    ]);
  });

  it('checks only the policies in force in the months given, and names the metrics file the folder has', () => {
    expect(checkRequiredInputs(PLANS, ['2026-07'], { dir: 'data/x', files: { metrics: 'data/x/metrics.jsonl' }, metricColumns: ['inquiries'] })).toEqual([
      column('paying_buyers', '询单最终付款人数', '询单最终付款人数', 'conversion_step_bonus', 'policies/step-bonus-conversion.yaml:16:11', 'conversion_rate', 'data/x/metrics.jsonl'),
    ]);
    expect(checkRequiredInputs(PLANS, ['2023-12'], none())).toEqual([]);
    expect(checkRequiredInputs(PLANS, ['2026-07'], { ...none(), metricColumns: ['inquiries', 'paying_buyers'] })).toEqual([]);
  });

  it('names a metric without export headers by its id', () => {
    const text = readPolicyFiles(['policies/metrics.yaml'])[0]!.text.replace(', headers: [询单人数] }', ' }');
    const set = loadPolicySet([{ file: 'policies/metrics.yaml', text }, ...readPolicyFiles(['policies/step-bonus-conversion.yaml'])]).set;
    expect(checkRequiredInputs(set, ['2026-07'], { ...none(), metricColumns: ['paying_buyers'] })).toEqual([
      { ...column('inquiries', 'inquiries', '询单人数', 'conversion_step_bonus', 'policies/step-bonus-conversion.yaml:16:11', 'conversion_rate'), path: 'inquiries' },
    ]);
  });

  it('names every export header of a metric, the first as the path', () => {
    const text = readPolicyFiles(['policies/metrics.yaml'])[0]!.text.replace('headers: [询单人数] }', 'headers: [询单人数, 咨询人数] }');
    const set = loadPolicySet([{ file: 'policies/metrics.yaml', text }, ...readPolicyFiles(['policies/step-bonus-conversion.yaml'])]).set;
    expect(checkRequiredInputs(set, ['2026-07'], { ...none(), metricColumns: ['paying_buyers'] })).toEqual([
      { ...column('inquiries', '询单人数 / 咨询人数', '询单人数', 'conversion_step_bonus', 'policies/step-bonus-conversion.yaml:16:11', 'conversion_rate'), path: '询单人数' },
    ]);
  });

  it('names the events and shops files a points pool needs, at the first rule that needs each', () => {
    const allColumns = ['good_reviews', 'sales', 'paying_buyers', 'inquiries', 'new_product_recs', 'review_invites', 'saved_order_amount'];
    expect(checkRequiredInputs(POINTS, ['2026-07'], { dir: 'data/x/', files: {}, metricColumns: allColumns })).toEqual([
      { code: 'required_file_missing', severity: 'error', file: 'data/x/events.csv', line: 0, column: 0, path: '', params: { name: 'events', policy: 'points_exchange', where: 'policies/points.yaml:17:14' } },
      { code: 'required_file_missing', severity: 'error', file: 'data/x/shops.csv', line: 0, column: 0, path: '', params: { name: 'shops', policy: 'points_exchange', where: 'policies/points.yaml:28:7' } },
    ]);
    expect(checkRequiredInputs(POINTS, ['2026-07'], { dir: 'data/x', files: { events: 'data/x/events.csv', shops: 'data/x/shops.csv' }, metricColumns: allColumns })).toEqual([]);
  });
});
