import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { SavedAddressView } from '@giftshop/shared';
import { navigations, requests, setRouterParams } from '../../test/taro';
import { ALICE, CHATS, groupDeal, loginAs, ok, product, routeApi, sku } from '../../test/fixtures';
import TeamOpenPage from './index';

const HOME: SavedAddressView = {
  id: 'a-home',
  name: '爱丽丝',
  phone: '13800138000',
  region: '浙江省 杭州市 西湖区',
  detail: '龙井路 1 号',
  isDefault: true,
};
const TEA = product(
  [
    sku({ id: 's1', specs: { 规格: '250g 礼盒' }, priceFen: 16800 }),
    sku({ id: 's2', specs: { 规格: '500g 礼盒' }, priceFen: 29800 }),
    sku({ id: 's3', specs: { 规格: '散装' }, priceFen: 9800 }),
  ],
  {
    groupDeal: groupDeal({
      skus: [
        { skuId: 's1', groupPriceFen: 12800 },
        { skuId: 's2', groupPriceFen: 23800 },
      ],
    }),
  },
);
const opened = () => requests.filter((r) => r.method === 'POST' && r.path === '/group-buys').map((r) => r.data);

beforeEach(() => {
  loginAs(ALICE);
  setRouterParams({ productId: 'p1', skuId: 's2', qty: '2' });
  routeApi({
    'GET /products/p1': () => ok(TEA),
    'GET /chats': () => ok(CHATS),
    'GET /me/addresses': () => ok([HOME]),
    'POST /group-buys': () => ok({ teamId: 't1', orderId: 'o1', totalFen: 47600 }, 201),
    'POST /orders/o1/pay': () => ok({ id: 'o1', status: 'paid' }),
  });
});

describe('发起拼团', () => {
  it('offers only the deal’s SKUs at their group prices, opens the team into the chosen group, pays, and opens the team', async () => {
    render(<TeamOpenPage />);
    expect((await screen.findByTestId('sku-s2')).getAttribute('aria-checked')).toBe('true');
    expect(screen.getByTestId('sku-s1').textContent).toBe('250g 礼盒 · ¥128.00');
    expect(screen.queryByTestId('sku-s3')).toBeNull();
    expect(screen.getByTestId('seat-total').textContent).toBe('¥476.00');
    await screen.findByTestId('saved-address-a-home');
    fireEvent.click(screen.getByTestId('team-chat-chat-family'));
    fireEvent.click(screen.getByTestId('team-open-submit'));

    await screen.findByTestId('pay-sheet');
    expect(opened()).toEqual([
      { dealId: 'deal1', skuId: 's2', quantity: 2, addressId: 'a-home', chatId: 'chat-family', scene: 'group_chat' },
    ]);
    fireEvent.click(screen.getByTestId('pay-confirm'));
    await waitFor(() => expect(navigations).toContain('/pages/team/index?id=t1'));
  });

  it('the chat is optional: a second tap takes it back', async () => {
    render(<TeamOpenPage />);
    await screen.findByTestId('saved-address-a-home');
    fireEvent.click(screen.getByTestId('team-chat-chat-bob'));
    fireEvent.click(screen.getByTestId('team-chat-chat-bob'));
    fireEvent.click(screen.getByTestId('team-open-submit'));
    await screen.findByTestId('pay-sheet');
    expect(opened()).toEqual([{ dealId: 'deal1', skuId: 's2', quantity: 2, addressId: 'a-home' }]);
  });
});
