// kind: shops — the shop registry: every shop (or client shop of an outsourcing firm) that rules
// and the roster may name, with its Chinese name, platform and pay cadence. Shop ids anywhere else
// are checked against it, so `client_bb` is an error with "did you mean client_b?".
import { z } from 'zod';
import { Id, headerFields } from './common.ts';

export const Shop = z.strictObject({
  id: Id.meta({ description: '店铺编号,花名册和适用范围中使用 / Shop id used by the roster and scopes', examples: ['tmall_flagship'] }),
  name: z.string().min(1).max(60).meta({ description: '店铺中文名称(报告和网站上显示)/ Chinese display name', examples: ['天猫旗舰店'] }),
  platform: z
    .enum(['tmall', 'taobao', 'jd', 'pdd', 'douyin', 'other'])
    .meta({ description: '平台:天猫 tmall、淘宝 taobao、京东 jd、拼多多 pdd、抖音 douyin、其他 other / Platform' }),
  cadence: z.enum(['weekly', 'monthly']).meta({ description: '数据与考核周期:每周 weekly 或每月 monthly / Data and assessment cadence' }),
});

export const ShopsPolicy = z
  .strictObject({
    kind: z.literal('shops').meta({ description: '规则类型 / Policy kind: shops' }),
    ...headerFields,
    shops: z.array(Shop).min(1).max(1000).meta({ description: '店铺 / Shops' }),
  })
  .meta({ title: '店铺登记 / Shop registry', description: '所有店铺的编号、名称、平台与周期 / Every shop: id, name, platform, cadence' });
