// Display names of shops. Shops are ids in the roster and in policy scopes; managers and staff read
// these names in the PR report and on the site.
export const SHOP_NAMES: Record<string, string> = {
  tmall_flagship: '天猫旗舰店',
  jd_store: '京东专营店',
  client_b: '外包客户B店',
};

export function shopName(id: string): string {
  return SHOP_NAMES[id] ?? id;
}
