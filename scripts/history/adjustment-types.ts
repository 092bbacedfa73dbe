// The kinds of after-the-fact sales change adjustments.csv records, with the Chinese word staff see
// on the payslip, reconcile and explain. Every kind takes its amount off the original month's sales
// and the clawback recomputes the commission; the kind says why, so finance can tell them apart.

export const ADJUSTMENT_TYPES = {
  refund: { zh: '退款', en: 'refund' },
  correction: { zh: '销售额更正', en: 'sales correction' },
  other: { zh: '其他调整', en: 'other adjustment' },
} as const;

export type AdjustmentType = keyof typeof ADJUSTMENT_TYPES;

/** The kind a cell names, by id (`refund`) or by its Chinese word (`退款`, also `更正`, `其他`); undefined when neither. */
export function adjustmentTypeOf(cell: string): AdjustmentType | undefined {
  const v = cell.trim();
  if (Object.hasOwn(ADJUSTMENT_TYPES, v)) return v as AdjustmentType;
  const byWord: Record<string, AdjustmentType> = { 退款: 'refund', 更正: 'correction', 销售额更正: 'correction', 其他: 'other', 其他调整: 'other' };
  return byWord[v];
}

/** The kinds present, once each, in the fixed order refund, correction, other. */
export function presentTypes(types: Iterable<AdjustmentType>): AdjustmentType[] {
  const present = new Set(types);
  return (Object.keys(ADJUSTMENT_TYPES) as AdjustmentType[]).filter((t) => present.has(t));
}

/** The words of the kinds present, in the fixed order: `退款、销售额更正` (zh) or `refund, sales correction` (en). */
export function adjustmentTypeWords(types: Iterable<AdjustmentType>, lang: 'zh' | 'en' = 'zh'): string {
  return presentTypes(types).map((t) => ADJUSTMENT_TYPES[t][lang]).join(lang === 'zh' ? '、' : ', ');
}
