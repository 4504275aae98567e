import { applyBps, COMMISSION_RULES, type ProductView } from '@giftshop/shared';
import { routes } from './routes';

/**
 * 推客 · 用户即渠道 on the client: what a sharer earns, the link that names them, and the rate a
 * merchant types as a percentage. The server books the commission; these only show it.
 */

/**
 * 分享赚: what one unit at the lowest price earns the sharer, rounded half-up as the server books
 * it (the commission is on what the buyer pays, so the cheapest option is the honest "from").
 */
export function shareEarnFen(product: Pick<ProductView, 'commissionBps' | 'priceFen'>): number {
  // priceFen is the lowest SKU price in both the product and its summary.
  return product.commissionBps > 0 ? applyBps(product.priceFen, product.commissionBps) : 0;
}

/**
 * The product page's address carrying the sharer, as a chat card opens it (`scene=chat`): a view
 * through it is what attributes the buyer's order to the sharer. `origin` is the H5 site's.
 */
export function shareLink(origin: string, productId: string, sharerId: string): string {
  return `${origin}${routes.product(productId, 'chat', sharerId)}`;
}

/** Where the H5 app is served (the QR code's host); none in the mini program, whose links are paths. */
export function h5Origin(): string {
  return typeof window !== 'undefined' && window.location?.origin ? window.location.origin : '';
}

/** The percentage a merchant types (0–50, up to two decimals) as basis points, or null when it is not one. */
export function percentToBps(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return 0;
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(trimmed);
  if (!match) return null;
  // Whole digits, never floating point: 12.35% is exactly 1235 bps.
  const bps = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return bps <= COMMISSION_RULES.maxBps ? bps : null;
}

/** Basis points as the percentage shown in the form: 1000 → "10", 1250 → "12.5", 5 → "0.05". */
export function bpsToPercent(bps: number): string {
  const whole = Math.floor(bps / 100);
  const cents = String(bps % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return cents ? `${whole}.${cents}` : String(whole);
}
