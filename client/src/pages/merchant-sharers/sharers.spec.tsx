import { render, screen } from '@testing-library/react';
import { setRouterParams } from '../../test/taro';
import { loginAs, ok, routeApi } from '../../test/fixtures';
import MerchantSharersPage from './index';

const WANG = { id: 'u-wang', openId: 'o_wang', nickname: '王掌柜' };

beforeEach(() => {
  loginAs(WANG);
  setRouterParams({ shopId: 'shop1' });
});

describe('推客 ranking', () => {
  it("shows each sharer in the server's order with orders, GMV and commission", async () => {
    routeApi({
      'GET /shops/shop1': () => ok({ id: 'shop1', name: '山茶小馆', followerCount: 0, following: false }),
      'GET /shops/shop1/sharers': () =>
        ok([
          { sharerId: 'u-bob', nickname: '鲍勃', orders: 2, gmvFen: 33600, commissionFen: 3360 },
          { sharerId: 'u-carol', nickname: '卡罗尔', orders: 1, gmvFen: 5900, commissionFen: 0 },
        ]),
    });
    const { container } = render(<MerchantSharersPage />);
    expect((await screen.findByTestId('sharer-gmv-u-bob')).textContent).toBe('成交 ¥336.00');
    expect(screen.getByTestId('sharer-commission-u-bob').textContent).toBe('佣金 ¥33.60');
    expect(screen.getByTestId('sharer-u-bob').textContent).toContain('订单 2');
    const order = Array.from(container.querySelectorAll('[data-testid^="sharer-u-"]')).map((e) =>
      e.getAttribute('data-testid'),
    );
    expect(order).toEqual(['sharer-u-bob', 'sharer-u-carol']);
  });

  it('says so when no sharer has sold yet', async () => {
    routeApi({ 'GET /shops/shop1/sharers': () => ok([]) });
    render(<MerchantSharersPage />);
    expect(await screen.findByText('还没有推客为本店带来订单')).toBeTruthy();
  });
});
