import type { OrderView } from '@giftshop/shared';
import { refundable } from './refundable';

type Facts = Pick<OrderView, 'status' | 'kind' | 'afterSale' | 'groupBuy'>;
const order = (overrides: Partial<Facts> = {}): Facts => ({
  status: 'paid',
  kind: 'normal',
  afterSale: null,
  groupBuy: null,
  ...overrides,
});
const teamOrder = (status: NonNullable<OrderView['groupBuy']>['status'], orderStatus: Facts['status'] = 'paid') =>
  order({ kind: 'group_buy', status: orderStatus, groupBuy: { teamId: 't1', status, leader: true } });

describe('when the buyer may ask for a refund or a return', () => {
  it('a paid or delivered order of their own with no case open', () => {
    expect(refundable(order())).toBe(true);
    expect(refundable(order({ status: 'delivered' }))).toBe(true);
    expect(refundable(order({ status: 'shipped' }))).toBe(false);
    expect(refundable(order({ status: 'pending_payment' }))).toBe(false);
    expect(refundable(order({ afterSale: { open: true } as OrderView['afterSale'] }))).toBe(false);
    expect(refundable(order({ kind: 'gift' }))).toBe(false);
  });

  it('a group buy only once its team has formed: before, its seat holds the team’s place', () => {
    expect(refundable(teamOrder('open'))).toBe(false);
    expect(refundable(teamOrder('formed'))).toBe(true);
    expect(refundable(teamOrder('formed', 'delivered'))).toBe(true);
    expect(refundable(teamOrder('failed', 'refunded'))).toBe(false);
  });
});
