import { render, screen } from '@testing-library/react';
import type { OrderView } from '@giftshop/shared';
import { order as paidOrder } from '../../test/fixtures';
import { OrderCard } from './index';
import { orderDeductions } from './money';

// ¥118 of goods, 满100减20 takes ¥20, a card pays ¥50: WeChat Pay charged ¥48.
const order = (overrides: Partial<OrderView> = {}): OrderView =>
  paidOrder({
    userCouponId: 'uc1',
    giftCards: [{ id: 'card1', amountFen: 5000 }],
    items: [{ ...paidOrder().items[0], paidFen: 9800 }],
    discountFen: 2000,
    giftCardFen: 5000,
    totalFen: 9800,
    payFen: 4800,
    ...overrides,
  });

describe('order card money', () => {
  it('lists the coupon and the cards only when they took something off', () => {
    expect(orderDeductions(order()).map((l) => [l.label, l.fen])).toEqual([
      ['order.discount', 2000],
      ['order.giftCards', 5000],
    ]);
    expect(orderDeductions(order({ discountFen: 0, giftCardFen: 0 }))).toEqual([]);
  });

  it('shows 优惠券 −¥20.00, 礼券 −¥50.00 and 实付 what WeChat Pay charged', () => {
    render(<OrderCard order={order()} />);
    expect(screen.getByTestId('order-discount-o1').textContent).toBe('优惠券 -¥20.00');
    expect(screen.getByTestId('order-cards-o1').textContent).toBe('礼券 -¥50.00');
    expect(screen.getByTestId('order-total-o1').textContent).toBe('¥48.00');
  });

  it('shows a gift-card order by its card’s title (it has no items)', () => {
    const card = order({
      kind: 'gift_card',
      items: [],
      goodsFen: 20000,
      discountFen: 0,
      giftCardFen: 0,
      totalFen: 20000,
      payFen: 20000,
      giftCard: { id: 'card1', status: 'sent', title: '中秋礼券' },
    });
    render(<OrderCard order={card} />);
    expect(screen.getByTestId('order-gift-card-o1').textContent).toContain('中秋礼券');
    expect(screen.getByTestId('order-o1').textContent).toContain('礼券');
    expect(screen.queryByTestId('order-discount-o1')).toBeNull();
    expect(screen.getByTestId('order-total-o1').textContent).toBe('¥200.00');
  });
});
