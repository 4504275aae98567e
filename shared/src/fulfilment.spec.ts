import { canTransition, transition } from './state-machine';
import { CLAIM_TRANSITIONS, claimStatusOf, FULFILMENT_STATUSES, FULFILMENT_TRANSITIONS } from './fulfilment';

describe('the fulfilment lifecycle (every parcel: a whole order, or one unit of a gift)', () => {
  it('ships, is received, completes; refunds before shipment or after delivery only', () => {
    expect(transition('fulfilment', FULFILMENT_TRANSITIONS, 'pending', 'ship')).toBe('shipped');
    expect(transition('fulfilment', FULFILMENT_TRANSITIONS, 'shipped', 'confirm_receipt')).toBe('delivered');
    expect(transition('fulfilment', FULFILMENT_TRANSITIONS, 'delivered', 'complete')).toBe('completed');
    expect(canTransition(FULFILMENT_TRANSITIONS, 'pending', 'refund')).toBe(true);
    expect(canTransition(FULFILMENT_TRANSITIONS, 'delivered', 'refund')).toBe(true);
    for (const status of ['shipped', 'completed', 'refunded'] as const) {
      expect(canTransition(FULFILMENT_TRANSITIONS, status, 'refund')).toBe(false);
    }
    expect(() => transition('order', FULFILMENT_TRANSITIONS, 'pending', 'confirm_receipt')).toThrow(
      'order is pending: cannot confirm receipt',
    );
  });

  it("is told to a gift's recipient as claim statuses, from the same table (accepted = waiting to ship)", () => {
    expect(FULFILMENT_STATUSES.map(claimStatusOf)).toEqual([
      'accepted',
      'shipped',
      'delivered',
      'completed',
      'refunded',
    ]);
    expect(CLAIM_TRANSITIONS).toEqual({
      ship: { from: ['accepted'], to: 'shipped' },
      confirm_receipt: { from: ['shipped'], to: 'delivered' },
      complete: { from: ['delivered'], to: 'completed' },
      refund: { from: ['accepted', 'delivered'], to: 'refunded' },
    });
    expect(() => transition('gift claim', CLAIM_TRANSITIONS, 'accepted', 'confirm_receipt')).toThrow(
      'gift claim is accepted: cannot confirm receipt',
    );
  });
});
