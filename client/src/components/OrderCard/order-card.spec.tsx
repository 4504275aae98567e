import { fireEvent, render, screen } from '@testing-library/react';
import type { GiftOrderUnits, OrderView } from '@giftshop/shared';
import { order } from '../../test/fixtures';
import { navigations } from '../../test/taro';
import { OrderCard } from './index';

const giftOrder = (giftUnits: GiftOrderUnits | null): OrderView =>
  order({ kind: 'gift', scene: 'group_chat', giftUnits });

const statusOf = (units: GiftOrderUnits | null) => {
  const { unmount } = render(<OrderCard order={giftOrder(units)} />);
  const text = screen.getByTestId('order-status-o1').textContent;
  unmount();
  return text;
};

describe('order card: a group gift order is told by its units', () => {
  it('says 已发货 once every claimed unit shipped, not 待发货', () => {
    expect(statusOf({ units: 2, open: 0, claimed: 2, shipped: 2, delivered: 0 })).toBe('已发货');
  });

  it('says 待领取 while units are open, 待发货 while a claimed one waits, 已收货 when all arrived', () => {
    expect(statusOf({ units: 2, open: 1, claimed: 1, shipped: 1, delivered: 0 })).toBe('待领取');
    expect(statusOf({ units: 2, open: 0, claimed: 2, shipped: 1, delivered: 0 })).toBe('待发货');
    expect(statusOf({ units: 2, open: 0, claimed: 2, shipped: 2, delivered: 2 })).toBe('已收货');
  });
});

describe('order card: a group-buy order shows its team', () => {
  const teamOrder = (status: 'open' | 'formed' | 'failed'): OrderView => ({
    ...giftOrder(null),
    kind: 'group_buy',
    giftUnits: null,
    groupBuy: { teamId: 't1', status, leader: true },
  });
  const teamLine = (status: 'open' | 'formed' | 'failed') => {
    const { unmount } = render(<OrderCard order={teamOrder(status)} />);
    const text = screen.getByTestId('order-team-o1').textContent;
    unmount();
    return text;
  };

  it('says 拼团中, 已成团 or 拼团失败·已退款, and opens the team', () => {
    expect(teamLine('open')).toBe('拼团 · 拼团中');
    expect(teamLine('formed')).toBe('拼团 · 已成团');
    expect(teamLine('failed')).toBe('拼团 · 拼团失败·已退款');
    render(<OrderCard order={teamOrder('open')} />);
    fireEvent.click(screen.getByTestId('order-team-o1'));
    expect(navigations).toEqual(['/pages/team/index?id=t1']);
  });
});
