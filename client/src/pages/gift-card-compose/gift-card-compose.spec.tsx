import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { GiftCardDesignView } from '@giftshop/shared';
import { navigations, requests, setRouterParams } from '../../test/taro';
import { BOB, CAROL_ID, loginAs, ok, routeApi } from '../../test/fixtures';
import GiftCardComposePage from './index';

const DESIGN: GiftCardDesignView = {
  id: 'd1',
  shopId: 'shop1',
  title: '中秋礼券',
  theme: 'mid_autumn',
  faceValueFen: 20000,
  validDays: 365,
  status: 'active',
  createdAt: '2026-12-01T00:00:00.000Z',
};

beforeEach(() => {
  loginAs(BOB);
  setRouterParams({ chatId: 'chat-bc', shopId: 'shop1' });
  routeApi({
    'GET /chats/chat-bc': () => ok({ id: 'chat-bc', type: 'direct', title: '卡罗尔', memberIds: [BOB.id, CAROL_ID] }),
    'GET /shops/shop1': () => ok({ id: 'shop1', name: '山茶小馆', followerCount: 0, following: false }),
    'GET /shops/shop1/gift-card-designs': () => ok([DESIGN]),
    'POST /gift-cards': () => ok({ id: 'gc1', orderId: 'o1', totalFen: 20000 }, 201),
    'POST /orders/o1/pay': () => ok({ payment: { id: 'pay1' } }),
  });
});

const posts = () => requests.filter((r) => r.method === 'POST');

describe('送礼券', () => {
  it('asks for a design first, then buys the card with the trimmed wish, pays and goes back to the chat', async () => {
    render(<GiftCardComposePage />);
    expect((await screen.findByTestId('card-compose-to')).textContent).toBe('卡罗尔');
    fireEvent.click(await screen.findByTestId('card-submit'));
    expect((await screen.findByTestId('card-compose-error')).textContent).toBe('请选择一张礼券');
    expect(posts()).toEqual([]);

    fireEvent.click(await screen.findByTestId('card-design-d1'));
    expect(screen.getByTestId('card-compose-total').textContent).toBe('¥200.00');
    fireEvent.change(screen.getByTestId('wish-input'), { target: { value: '  中秋快乐  ' } });
    fireEvent.click(screen.getByTestId('card-submit'));
    expect((await screen.findByTestId('pay-amount')).textContent).toBe('¥200.00');
    expect(posts()[0]).toMatchObject({
      path: '/gift-cards',
      data: { designId: 'd1', chatId: 'chat-bc', wishMessage: '中秋快乐' },
    });
    fireEvent.click(screen.getByTestId('pay-confirm'));
    await waitFor(() => expect(posts().map((r) => r.path)).toEqual(['/gift-cards', '/orders/o1/pay']));
    // Opened straight (no page behind it), it goes to the chat instead of back.
    await waitFor(() => expect(navigations).toEqual(['/pages/chat/index?id=chat-bc']));
  });

  it('sends no wish when none is written', async () => {
    render(<GiftCardComposePage />);
    fireEvent.click(await screen.findByTestId('card-design-d1'));
    fireEvent.click(screen.getByTestId('card-submit'));
    await screen.findByTestId('pay-amount');
    expect(posts()[0].data).toEqual({ designId: 'd1', chatId: 'chat-bc' });
  });
});
