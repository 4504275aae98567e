import type { OrderView } from '@giftshop/shared';
import { shippable } from './shippable';

type Facts = Pick<OrderView, 'status' | 'kind' | 'afterSale' | 'groupBuy'>;
const order = (overrides: Partial<Facts> = {}): Facts => ({
  status: 'paid',
  kind: 'normal',
  afterSale: null,
  groupBuy: null,
  ...overrides,
});
const teamOrder = (status: NonNullable<OrderView['groupBuy']>['status']) =>
  order({ kind: 'group_buy', groupBuy: { teamId: 't1', status, leader: false } });

describe('which orders the merchant ships from 订单发货', () => {
  it('ships a paid normal order, not an unpaid or shipped one, nor one with an open case', () => {
    expect(shippable(order())).toBe(true);
    expect(shippable(order({ status: 'pending_payment' }))).toBe(false);
    expect(shippable(order({ status: 'shipped' }))).toBe(false);
    expect(shippable(order({ afterSale: { open: true } as OrderView['afterSale'] }))).toBe(false);
  });

  it('leaves gift orders to 礼物发货 (their units ship one by one)', () => {
    expect(shippable(order({ kind: 'gift' }))).toBe(false);
  });

  it('ships a group-buy order only once its team has formed', () => {
    expect(shippable(teamOrder('formed'))).toBe(true);
    expect(shippable(teamOrder('open'))).toBe(false);
    expect(shippable(teamOrder('forming'))).toBe(false);
    expect(shippable(teamOrder('failed'))).toBe(false);
  });
});
