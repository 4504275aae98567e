import { formatFen, GROUP_BUY_RULES, type ProductView } from '@giftshop/shared';
import { parseYuan } from '../../components/YuanInput';
import { skuLabel } from '../../components/SkuPicker';
import { translate } from '../../i18n';

/** The deal form as typed: a product, the size and window as text, a group price per SKU (yuan text). */
export interface DealForm {
  product?: Pick<ProductView, 'id' | 'skus'>;
  groupSize: string;
  windowHours: string;
  prices: Record<string, string>;
}

export interface DealBody {
  productId: string;
  groupSize: number;
  windowHours: number;
  skus: { skuId: string; groupPriceFen: number }[];
}

const whole = (text: string): number | null => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null);

/**
 * The body of `POST /api/shops/:shopId/group-deals`, or the first thing wrong with the form by the
 * shared rules (size 2–50, window 1–48 h; each group price at least ¥0.01 and below the SKU's
 * price). A SKU left blank is not in the deal; at least one must be.
 */
export function dealBody(form: DealForm): { ok: true; body: DealBody } | { ok: false; problem: string } {
  const fail = (problem: string) => ({ ok: false as const, problem });
  if (!form.product) return fail(translate('deals.pickProduct'));
  const { minGroupSize, maxGroupSize, minWindowHours, maxWindowHours } = GROUP_BUY_RULES;
  const groupSize = whole(form.groupSize);
  if (groupSize === null || groupSize < minGroupSize || groupSize > maxGroupSize) {
    return fail(translate('deals.badSize', { min: minGroupSize, max: maxGroupSize }));
  }
  const windowHours = whole(form.windowHours);
  if (windowHours === null || windowHours < minWindowHours || windowHours > maxWindowHours) {
    return fail(translate('deals.badWindow', { min: minWindowHours, max: maxWindowHours }));
  }
  const skus: DealBody['skus'] = [];
  for (const sku of form.product.skus) {
    const text = (form.prices[sku.id] ?? '').trim();
    if (!text) continue;
    const groupPriceFen = parseYuan(text);
    if (groupPriceFen === null || groupPriceFen < 1)
      return fail(translate('deals.badPrice', { sku: skuLabel(sku.specs) }));
    if (groupPriceFen >= sku.priceFen) {
      return fail(translate('deals.priceNotBelow', { sku: skuLabel(sku.specs), price: formatFen(sku.priceFen) }));
    }
    skus.push({ skuId: sku.id, groupPriceFen });
  }
  if (skus.length === 0) return fail(translate('deals.noPrice'));
  return { ok: true, body: { productId: form.product.id, groupSize, windowHours, skus } };
}
