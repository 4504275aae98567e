import type { OrderView } from '@giftshop/shared';
import type { MessageKey } from '../../i18n/messages';

/** What came off the order before 实付: its coupon (优惠券) and its gift cards (礼券), each only when non-zero. */
export function orderDeductions(
  order: Pick<OrderView, 'id' | 'discountFen' | 'giftCardFen'>,
): { label: MessageKey; fen: number; testId: string }[] {
  const lines: { label: MessageKey; fen: number; testId: string }[] = [];
  if (order.discountFen > 0) {
    lines.push({ label: 'order.discount', fen: order.discountFen, testId: `order-discount-${order.id}` });
  }
  if (order.giftCardFen > 0) {
    lines.push({ label: 'order.giftCards', fen: order.giftCardFen, testId: `order-cards-${order.id}` });
  }
  return lines;
}
