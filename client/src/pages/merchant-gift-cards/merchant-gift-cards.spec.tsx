import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { GiftCardDesignFiguresView } from '@giftshop/shared';
import { requests, setRouterParams } from '../../test/taro';
import { loginAs, ok, routeApi } from '../../test/fixtures';
import MerchantGiftCardsPage from './index';

const WANG = { id: 'u-wang', openId: 'o_wang', nickname: '王掌柜' };

function design(overrides: Partial<GiftCardDesignFiguresView> = {}): GiftCardDesignFiguresView {
  return {
    id: 'd1',
    shopId: 'shop1',
    title: '中秋礼券',
    theme: 'mid_autumn',
    faceValueFen: 20000,
    validDays: 365,
    status: 'active',
    createdAt: '2026-12-01T00:00:00.000Z',
    sold: 4,
    claimed: 2,
    refunded: 1,
    waiting: 1,
    claimedFen: 40000,
    redeemedFen: 6900,
    outstandingFen: 33100,
    ...overrides,
  };
}

let list: GiftCardDesignFiguresView[];
beforeEach(() => {
  loginAs(WANG);
  setRouterParams({ shopId: 'shop1' });
  list = [design()];
  routeApi({
    'GET /shops/shop1': () => ok({ id: 'shop1', name: '山茶小馆', followerCount: 0, following: false }),
    'GET /shops/shop1/gift-card-designs?scope=all': () => ok(list),
    'POST /shops/shop1/gift-card-designs': (body) => {
      list = [...list, design({ id: 'd2', ...(body as object), sold: 0, claimed: 0, refunded: 0, waiting: 0 })];
      return ok(list.at(-1), 201);
    },
    'PATCH /gift-card-designs/d1': () => {
      list = [design({ status: 'ended' })];
      return ok(list[0]);
    },
  });
});

describe('节日礼券 console', () => {
  it('shows what each design sold, was claimed and spent, and withdraws one', async () => {
    render(<MerchantGiftCardsPage />);
    expect((await screen.findByTestId('design-counts-d1')).textContent).toBe('已售 4 · 已领取 2 · 已退款 1 · 待领取 1');
    expect(screen.getByTestId('design-money-d1').textContent).toBe(
      '领取金额 ¥400.00 · 已抵扣 ¥69.00 · 未使用余额 ¥331.00',
    );
    fireEvent.click(screen.getByTestId('design-end-d1'));
    await waitFor(() => expect(screen.getByTestId('design-status-d1').textContent).toBe('已下架'));
  });

  it('creates a 春节 design of ¥88, after naming a face value out of range', async () => {
    render(<MerchantGiftCardsPage />);
    fireEvent.change(await screen.findByTestId('design-title'), { target: { value: '新春礼券' } });
    fireEvent.click(screen.getByTestId('design-theme-spring_festival'));
    fireEvent.change(screen.getByTestId('design-face-value'), { target: { value: '1001' } });
    fireEvent.click(screen.getByTestId('design-create'));
    expect((await screen.findByTestId('design-error')).textContent).toBe('面值为 ¥10 到 ¥1000');
    fireEvent.change(screen.getByTestId('design-face-value'), { target: { value: '88' } });
    fireEvent.click(screen.getByTestId('design-create'));
    await screen.findByTestId('design-d2');
    expect(requests.filter((r) => r.method === 'POST').map((r) => r.data)).toEqual([
      { title: '新春礼券', theme: 'spring_festival', faceValueFen: 8800, validDays: 365 },
    ]);
  });
});
