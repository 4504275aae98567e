import type {
  AfterSaleStatus,
  ClaimStatus,
  EarningStatus,
  GiftMode,
  OrderStatus,
  ShippingStatus,
} from '@giftshop/shared';
import {
  findCategory,
  formatFen,
  GIFT_STATUS_CODES,
  MAX_GIFT_LIST_PRICE_FEN,
  skuGiftEligibility,
  type GiftState,
} from '@giftshop/shared';
import { getLang, translate } from './index';

/** Names for the codes the API reports, in the current language. */

const GIFT_STATE_BY_CODE = new Map(
  (Object.entries(GIFT_STATUS_CODES) as [GiftState, number][]).map(([state, code]) => [code, state]),
);

export function giftStatusLabel(code: number): string {
  const state = GIFT_STATE_BY_CODE.get(code);
  return state ? translate(`giftStatus.${state}`) : String(code);
}

export function giftModeLabel(mode: GiftMode): string {
  return translate(`giftMode.${mode}`);
}

export function orderStatusLabel(status: OrderStatus): string {
  return translate(`orderStatus.${status}`);
}

export function shippingStatusLabel(status: ShippingStatus): string {
  return translate(`shipping.${status}`);
}

export function claimStatusLabel(status: ClaimStatus): string {
  return translate(`claimStatus.${status}`);
}

export function afterSaleLabel(status: AfterSaleStatus): string {
  return translate(`afterSale.${status}`);
}

/**
 * Why a SKU cannot be a gift, in the reader's language: the shared eligibility rule says which
 * rule failed (category or list-price cap); the server's own reason is the fallback.
 */
export function notGiftableReason(sku: { listPriceFen: number; giftReason?: string }, categoryCode?: string): string {
  const check = categoryCode ? skuGiftEligibility({ categoryCode, listPriceFen: sku.listPriceFen }) : null;
  let reason = sku.giftReason ?? '';
  if (check && !check.giftable && check.code === 'LIST_PRICE_OVER_GIFT_CAP') {
    reason = translate('giftReason.overCap', { cap: formatFen(MAX_GIFT_LIST_PRICE_FEN) });
  } else if (check && !check.giftable && check.code === 'CATEGORY_NOT_GIFTABLE' && categoryCode) {
    const category = findCategory(categoryCode);
    const name = category ? (getLang() === 'en' ? category.nameEn : category.name) : categoryCode;
    reason = translate('giftReason.category', { category: name });
  }
  return translate('sku.notGiftable', { reason });
}

/** A timestamp as local "MM-DD HH:mm" (the year when it is not this one). */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  const sameYear = date.getFullYear() === new Date().getFullYear();
  const day = `${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `${sameYear ? '' : date.getFullYear() + '-'}${day} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** h:mm:ss left until `until` (a gift's claim deadline, a team's), or null once it has passed. */
export function timeLeft(until: string, now: number): string | null {
  const ms = Date.parse(until) - now;
  if (!(ms > 0)) return null;
  const s = Math.floor(ms / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${Math.floor(s / 3600)}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

export function earningStatusLabel(status: EarningStatus): string {
  return translate(`earningStatus.${status}`);
}
