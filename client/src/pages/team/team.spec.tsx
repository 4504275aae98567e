import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { SavedAddressView, TeamView } from '@giftshop/shared';
import { navigations, requests, setRouterParams } from '../../test/taro';
import { ALICE, BOB, CAROL_ID, CHATS, loginAs, ok, product, routeApi, sku, team } from '../../test/fixtures';
import TeamPage from './index';

const CAROL = { id: CAROL_ID, openId: 'o_carol', nickname: '卡罗尔' };
const HOME: SavedAddressView = {
  id: 'a-home',
  name: '卡罗尔',
  phone: '13900000002',
  region: '北京市 朝阳区',
  detail: '建国路 66 号',
  isDefault: true,
};
const TEA = product([sku({ id: 's1', specs: { 规格: '250g 礼盒' }, priceFen: 16800 })]);
const carolUnpaid = { userId: CAROL_ID, nickname: '卡罗尔', avatarUrl: null, paidAt: null, leader: false };

/** An open team whose deadline is an hour away (the fixture's is fixed in time). */
const FUTURE = new Date(Date.now() + 3600_000).toISOString();
const openTeam = (overrides: Partial<TeamView> = {}) => team({ expiresAt: FUTURE, ...overrides });
/** The team as the server answers it, changing as the test's writes land. */
let current: TeamView;
const posts = (path: string) => requests.filter((r) => r.method === 'POST' && r.path === path);

beforeEach(() => {
  current = openTeam();
});
afterEach(() => jest.useRealTimers());

function server() {
  setRouterParams({ id: 't1', scene: 'group_chat' });
  routeApi({
    'GET /group-buys/t1': () => ok(current),
    'GET /products/p1': () => ok(TEA),
    'GET /me/addresses': () => ok([HOME]),
    'GET /chats': () => ok(CHATS),
    'POST /group-buys/t1/join': () => {
      // The seat is held at once: the caller is a member, unpaid, before the pay sheet is answered.
      current = openTeam({ seatsLeft: 0, members: [...team().members, carolUnpaid] });
      return ok({ teamId: 't1', orderId: 'o-carol', totalFen: 12800 }, 201);
    },
    'POST /orders/o-carol/pay': () => {
      current = openTeam({
        seatsLeft: 0,
        paidCount: 2,
        members: [...team().members, { ...carolUnpaid, paidAt: FUTURE }],
      });
      return ok({ id: 'o-carol', status: 'paid' });
    },
    'POST /chats/chat-bob/messages': () => ok({ id: 'm1' }, 201),
  });
}

describe('team page', () => {
  it('shows the members (团长, 已支付 / 待支付), the open seat, the seats left and a countdown each second', async () => {
    jest.useFakeTimers({ now: Date.parse('2026-01-01T10:00:00.000Z') });
    current = team();
    loginAs(CAROL);
    server();
    render(<TeamPage />);
    await act(async () => {
      await jest.advanceTimersByTimeAsync(0);
    });
    expect(screen.getByTestId('team-status').textContent).toBe('拼团中');
    expect(screen.getByTestId('team-seats').textContent).toBe('还差 2 人成团 · 剩 1 个名额');
    expect(screen.getByTestId(`team-member-${ALICE.id}`).textContent).toBe('爱团长爱丽丝已支付');
    expect(screen.getByTestId(`team-member-${BOB.id}`).getAttribute('data-paid')).toBe('false');
    expect(screen.getByTestId(`team-member-${BOB.id}`).textContent).toContain('待支付');
    expect(screen.getAllByTestId('team-open-seat')).toHaveLength(1);
    expect(screen.getByTestId('team-countdown').textContent).toBe('还剩 24:00:00');
    await act(async () => {
      await jest.advanceTimersByTimeAsync(2000);
    });
    expect(screen.getByTestId('team-countdown').textContent).toBe('还剩 23:59:58');
  });

  it('joins with a SKU at its group price and an address, keeps the pay sheet while the seat is held, then pays', async () => {
    loginAs(CAROL);
    server();
    render(<TeamPage />);
    fireEvent.click(await screen.findByTestId('team-join'));
    expect((await screen.findByTestId('sku-s1')).textContent).toBe('250g 礼盒 · ¥128.00');
    await screen.findByTestId('saved-address-a-home');
    fireEvent.click(screen.getByTestId('team-join-submit'));

    await screen.findByTestId('pay-sheet');
    expect(posts('/group-buys/t1/join').map((r) => r.data)).toEqual([
      { skuId: 's1', quantity: 1, addressId: 'a-home', scene: 'group_chat' },
    ]);
    // The join's write reloads the team, which now lists the caller unpaid: the sheet stays up.
    await waitFor(() => expect(screen.getByTestId(`team-member-${CAROL_ID}`)).toBeTruthy());
    expect(screen.getByTestId('pay-amount').textContent).toBe('¥128.00');

    fireEvent.click(screen.getByTestId('pay-confirm'));
    await waitFor(() => expect(screen.queryByTestId('pay-sheet')).toBeNull());
    expect(posts('/orders/o-carol/pay')).toHaveLength(1);
    expect(screen.getByTestId(`team-member-${CAROL_ID}`).getAttribute('data-paid')).toBe('true');
    expect(screen.queryByTestId('team-join')).toBeNull();
    expect(screen.getByTestId('team-joined')).toBeTruthy();
  });

  it('lets a member share the team into another chat as a link', async () => {
    loginAs(ALICE);
    server();
    render(<TeamPage />);
    expect(await screen.findByTestId('team-joined')).toBeTruthy();
    expect(screen.queryByTestId('team-join')).toBeNull();
    fireEvent.click(screen.getByTestId('team-share'));
    fireEvent.click(await screen.findByTestId('team-share-chat-chat-bob'));
    await screen.findByTestId('team-shared');
    const [sent] = posts('/chats/chat-bob/messages');
    expect((sent.data as { text: string }).text).toBe(
      '【拼团】明前龙井礼盒 还差 2 人成团，打开参团：/pages/team/index?id=t1',
    );
  });

  it('a member whose seat is unpaid is sent to the orders to pay', async () => {
    loginAs(BOB);
    server();
    render(<TeamPage />);
    fireEvent.click(await screen.findByTestId('team-pay-orders'));
    expect(navigations).toContain('/pages/orders/index');
  });

  it('a formed team says so and offers no seat', async () => {
    current = team({ status: 'formed', paidCount: 3, seatsLeft: 0, formedAt: '2026-01-01T11:00:00.000Z' });
    loginAs(CAROL);
    server();
    render(<TeamPage />);
    expect((await screen.findByTestId('team-status')).textContent).toBe('已成团');
    expect(screen.getByTestId('team-seats').textContent).toBe('3 人已成团，商家即将发货');
    expect(screen.queryByTestId('team-join')).toBeNull();
    expect(screen.queryByTestId('team-countdown')).toBeNull();
    expect(screen.queryByTestId('team-join-refused')).toBeNull();
  });

  it('says why a full team cannot be joined', async () => {
    current = openTeam({ seatsLeft: 0 });
    loginAs(CAROL);
    server();
    render(<TeamPage />);
    expect((await screen.findByTestId('team-join-refused')).textContent).toBe('名额已满，请稍后再看看');
    expect(screen.queryByTestId('team-join')).toBeNull();
  });
});
