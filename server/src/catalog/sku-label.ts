import type { Sku } from './sku.entity';

/** "花果茶组合 (蜜桃乌龙)": how a SKU is named in messages such as "sold out". */
export function skuLabel(sku: Pick<Sku, 'id' | 'specs'> & { product?: { title: string } }): string {
  const specs = Object.values(sku.specs).join(' / ');
  return `${sku.product?.title ?? sku.id}${specs ? ` (${specs})` : ''}`;
}
