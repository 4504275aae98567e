import {
  AFTER_SALE_TRANSITIONS,
  freightFor,
  ORDER_STATUSES,
  ORDER_TIMERS,
  ORDER_TRANSITIONS,
  OrderAction,
  OrderStatus,
} from './orders';
import { canTransition, IllegalTransitionError, transition } from './state-machine';

/** Every allowed (state, action) pair, written out: anything not here must be refused. */
const ALLOWED: [OrderStatus, OrderAction, OrderStatus][] = [
  ['pending_payment', 'pay', 'paid'],
  ['pending_payment', 'cancel', 'cancelled'],
  ['paid', 'ship', 'shipped'],
  ['paid', 'refund', 'refunded'],
  ['shipped', 'confirm_receipt', 'delivered'],
  ['delivered', 'complete', 'completed'],
  ['delivered', 'refund', 'refunded'],
];
const ACTIONS: OrderAction[] = ['pay', 'cancel', 'ship', 'confirm_receipt', 'complete', 'refund'];

describe('the order transition table', () => {
  it.each(ALLOWED)('%s --%s--> %s', (from, action, to) => {
    expect(transition('order', ORDER_TRANSITIONS, from, action)).toBe(to);
    expect(canTransition(ORDER_TRANSITIONS, from, action)).toBe(true);
  });

  const refused = ORDER_STATUSES.flatMap((from) =>
    ACTIONS.filter((action) => !ALLOWED.some(([f, a]) => f === from && a === action)).map(
      (action) => [from, action] as const,
    ),
  );
  it.each(refused)('refuses %s --%s--> with a message naming the state', (from, action) => {
    expect(canTransition(ORDER_TRANSITIONS, from, action)).toBe(false);
    expect(() => transition('order', ORDER_TRANSITIONS, from, action)).toThrow(IllegalTransitionError);
    expect(() => transition('order', ORDER_TRANSITIONS, from, action)).toThrow(
      `order is ${from}: cannot ${action.replace(/_/g, ' ')}`,
    );
  });

  it('has terminal states with no way out', () => {
    for (const terminal of ['completed', 'cancelled', 'refunded'] as const) {
      expect(ACTIONS.filter((a) => canTransition(ORDER_TRANSITIONS, terminal, a))).toEqual([]);
    }
  });

  it('refuses the 35 of 42 (state, action) pairs not listed', () => {
    expect(refused).toHaveLength(ORDER_STATUSES.length * ACTIONS.length - ALLOWED.length);
    expect(refused).toHaveLength(35);
  });
});

describe('the after-sales transition table', () => {
  it('lets the merchant approve or reject a requested case, once', () => {
    expect(transition('case', AFTER_SALE_TRANSITIONS, 'requested', 'approve')).toBe('refunded');
    expect(transition('case', AFTER_SALE_TRANSITIONS, 'requested', 'reject')).toBe('rejected');
    for (const done of ['refunded', 'rejected'] as const) {
      expect(() => transition('case', AFTER_SALE_TRANSITIONS, done, 'approve')).toThrow(
        `case is ${done}: cannot approve`,
      );
      expect(() => transition('case', AFTER_SALE_TRANSITIONS, done, 'reject')).toThrow(IllegalTransitionError);
    }
  });
});

describe('order timers', () => {
  it('are 15 minutes unpaid, 10 days to auto-confirm and a 7-day return window', () => {
    expect(ORDER_TIMERS.unpaidTimeoutMs).toBe(900_000);
    expect(ORDER_TIMERS.autoConfirmMs).toBe(864_000_000);
    expect(ORDER_TIMERS.returnWindowMs).toBe(604_800_000);
  });
});

describe('freight', () => {
  const shop = { freightFen: 1000, freeShippingThresholdFen: 9900 };
  it.each([
    [0, 1000],
    [9899, 1000],
    [9900, 0],
    [100000, 0],
  ])('goods of %i fen pay %i fen freight', (goods, freight) => {
    expect(freightFor(goods, shop)).toBe(freight);
  });
  it('is always free when the threshold is 0', () => {
    expect(freightFor(0, { freightFen: 800, freeShippingThresholdFen: 0 })).toBe(0);
  });
});
