// The shop register (店铺登记): the shops the rules are scoped to, listed on the home page.
import type { KindModule } from './kind-module.ts';
import { noReferences } from './kind-module.ts';

export const shopsKind: KindModule<'shops'> = {
  kind: 'shops',
  label: { zh: '店铺登记', en: 'Shop register' },
  inForce: { cardinality: 'one', field: 'shops' },
  required: false,
  page: '',
  moneyFields: [],
  checkReferences: noReferences,
};
