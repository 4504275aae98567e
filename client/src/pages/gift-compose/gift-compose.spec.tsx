import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { navigations, requests, setRouterParams } from '../../test/taro';
import { CHATS, fail, loginAs, ALICE, ok, product, routeApi, sku } from '../../test/fixtures';
import GiftComposePage from './index';

const TEA = sku({ id: 's1', specs: { 规格: '250g 礼盒' }, priceFen: 16800 });
const DIAMOND = sku({
  id: 's-diamond',
  giftable: false,
  giftReason: 'not giftable: 钻石 (Diamonds) cannot be sent as a gift',
});

let posted: unknown[] = [];

beforeEach(() => {
  loginAs(ALICE);
  posted = [];
  setRouterParams({ productId: 'p1', skuId: 's1' });
  routeApi({
    'GET /products/p1': () => ok(product([TEA, DIAMOND])),
    'GET /chats': () => ok(CHATS),
    'POST /gifts': (body) => {
      posted.push(body);
      return ok(
        { id: 'g1', orderId: 'o1', status: 0, totalFen: 16800 * ((body as { units: number }).units ?? 1) },
        201,
      );
    },
    'POST /orders/o1/pay': () => ok({ id: 'o1', status: 'paid', payment: { id: 'pay1', transactionId: 'tx' } }),
  });
});

const giftPosts = () => requests.filter((r) => r.method === 'POST' && r.path === '/gifts');

describe('gift composer', () => {
  it('sends one unit to a friend with a trimmed wish, pays in the sandbox and opens the chat', async () => {
    render(<GiftComposePage />);
    fireEvent.click(await screen.findByTestId('compose-chat-chat-bob'));
    // A direct chat takes a single gift only: no group modes, no unit count to choose.
    expect(screen.getByTestId('mode-single').textContent).toBe('单人礼物');
    expect(screen.queryByTestId('mode-first_come')).toBeNull();
    expect(screen.queryByTestId('mode-lottery')).toBeNull();
    expect(screen.queryByTestId('units-input')).toBeNull();
    fireEvent.change(screen.getByTestId('wish-input'), { target: { value: '  生日快乐！  ' } });
    fireEvent.click(screen.getByTestId('gift-submit'));

    await screen.findByTestId('pay-sheet');
    expect(posted).toEqual([{ skuId: 's1', chatId: 'chat-bob', mode: 'single', units: 1, wishMessage: '生日快乐！' }]);
    // The key the server accepts: 1-128 printable ASCII characters.
    expect(giftPosts()[0].header?.['Idempotency-Key']).toMatch(/^[\x21-\x7e]{1,128}$/);
    expect(screen.getByTestId('pay-amount').textContent).toBe('¥168.00');

    fireEvent.click(screen.getByTestId('pay-confirm'));
    await waitFor(() => expect(navigations).toContain('/pages/chat/index?id=chat-bob'));
    expect(requests.some((r) => r.method === 'POST' && r.path === '/orders/o1/pay')).toBe(true);
  });

  it("backs out of the pay sheet by cancelling the unpaid gift's order; the next 送出 is a new gift", async () => {
    routeApi({
      'GET /products/p1': () => ok(product([TEA, DIAMOND])),
      'GET /chats': () => ok(CHATS),
      'POST /gifts': (body) => {
        posted.push(body);
        return ok({ id: `g${posted.length}`, orderId: `o${posted.length}`, status: 0, totalFen: 16800 }, 201);
      },
      'POST /orders/o1/cancel': () => ok({ id: 'o1', status: 'cancelled' }),
    });
    render(<GiftComposePage />);
    fireEvent.click(await screen.findByTestId('compose-chat-chat-bob'));
    fireEvent.click(screen.getByTestId('gift-submit'));
    fireEvent.click(await screen.findByTestId('pay-cancel'));

    await waitFor(() => expect(screen.queryByTestId('pay-sheet')).toBeNull());
    expect(requests.some((r) => r.method === 'POST' && r.path === '/orders/o1/cancel')).toBe(true);
    expect(requests.some((r) => r.path.endsWith('/pay'))).toBe(false);

    fireEvent.click(screen.getByTestId('gift-submit'));
    await screen.findByTestId('pay-sheet');
    const [first, second] = giftPosts().map((r) => r.header?.['Idempotency-Key']);
    expect(second).not.toBe(first);
  });

  it('stops the wish at 50 code points, counting an emoji once', async () => {
    render(<GiftComposePage />);
    fireEvent.click(await screen.findByTestId('compose-chat-chat-bob'));

    // 51 emoji (102 UTF-16 units): typing stops at 50, never "51/50".
    fireEvent.change(screen.getByTestId('wish-input'), { target: { value: '🎉'.repeat(51) } });
    expect((screen.getByTestId('wish-input') as HTMLTextAreaElement).value).toBe('🎉'.repeat(50));
    expect(screen.getByTestId('wish-count').textContent).toBe('50/50');
    fireEvent.click(screen.getByTestId('gift-submit'));
    await screen.findByTestId('pay-sheet');
    expect(screen.queryByTestId('compose-error')).toBeNull();
    expect(posted).toEqual([
      { skuId: 's1', chatId: 'chat-bob', mode: 'single', units: 1, wishMessage: '🎉'.repeat(50) },
    ]);
  });

  it('takes the error away when the wish is edited', async () => {
    render(<GiftComposePage />);
    fireEvent.click(await screen.findByTestId('compose-chat-chat-bob'));
    fireEvent.change(screen.getByTestId('wish-input'), { target: { value: '一起去赌博吧' } });
    fireEvent.click(screen.getByTestId('gift-submit'));
    expect(screen.getByTestId('compose-error').textContent).toBe('祝福语含有违禁词「赌博」');
    fireEvent.change(screen.getByTestId('wish-input'), { target: { value: '一起去吧' } });
    expect(screen.queryByTestId('compose-error')).toBeNull();
  });

  it('refuses a banned word before asking the server', async () => {
    render(<GiftComposePage />);
    fireEvent.click(await screen.findByTestId('compose-chat-chat-bob'));
    fireEvent.change(screen.getByTestId('wish-input'), { target: { value: '一起去赌 博吧' } });
    fireEvent.click(screen.getByTestId('gift-submit'));
    expect(screen.getByTestId('compose-error').textContent).toBe('祝福语含有违禁词「赌博」');
    expect(giftPosts()).toHaveLength(0);
  });

  it('asks for a friend or a group first', async () => {
    render(<GiftComposePage />);
    fireEvent.click(await screen.findByTestId('gift-submit'));
    expect(screen.getByTestId('compose-error').textContent).toBe('请选择要送给的好友或群聊');
    expect(giftPosts()).toHaveLength(0);
  });

  it('sends a lottery to a group with its units and a draw time within 24 hours', async () => {
    const before = Date.now();
    render(<GiftComposePage />);
    fireEvent.click(await screen.findByTestId('compose-chat-chat-family'));
    fireEvent.click(screen.getByTestId('mode-lottery'));
    fireEvent.click(screen.getByTestId('units-plus'));
    fireEvent.click(screen.getByTestId('units-plus'));
    fireEvent.click(screen.getByTestId('draw-in-30'));
    expect(screen.getByTestId('compose-total').textContent).toBe('¥672.00');
    fireEvent.click(screen.getByTestId('gift-submit'));

    await screen.findByTestId('pay-sheet');
    const body = posted[0] as { mode: string; units: number; chatId: string; drawAt: string; wishMessage?: string };
    expect(body).toMatchObject({ skuId: 's1', chatId: 'chat-family', mode: 'lottery', units: 4 });
    expect(body.wishMessage).toBeUndefined();
    const drawAt = Date.parse(body.drawAt);
    expect(drawAt - before).toBeGreaterThanOrEqual(30 * 60_000);
    expect(drawAt - Date.now()).toBeLessThanOrEqual(30 * 60_000);
  });

  it('sends first-come units to a group and never below 2 units', async () => {
    render(<GiftComposePage />);
    fireEvent.click(await screen.findByTestId('compose-chat-chat-family'));
    fireEvent.click(screen.getByTestId('units-minus'));
    fireEvent.click(screen.getByTestId('gift-submit'));
    await screen.findByTestId('pay-sheet');
    expect(posted).toEqual([{ skuId: 's1', chatId: 'chat-family', mode: 'first_come', units: 2 }]);
  });

  it("shows the server's refusal in place", async () => {
    routeApi({
      'GET /products/p1': () => ok(product([TEA, DIAMOND])),
      'GET /chats': () => ok(CHATS),
      'POST /gifts': () => fail(409, 'SOLD_OUT', 'sold out: 明前龙井礼盒 (250g 礼盒)'),
    });
    render(<GiftComposePage />);
    fireEvent.click(await screen.findByTestId('compose-chat-chat-bob'));
    fireEvent.click(screen.getByTestId('gift-submit'));
    expect((await screen.findByTestId('compose-error')).textContent).toBe('sold out: 明前龙井礼盒 (250g 礼盒)');
    expect(screen.queryByTestId('pay-sheet')).toBeNull();
  });

  it('says why a SKU that is not giftable cannot be sent', async () => {
    setRouterParams({ productId: 'p1', skuId: 's-diamond' });
    routeApi({
      'GET /products/p1': () => ok(product([DIAMOND], { categoryCode: 'jewellery_diamond' })),
      'GET /chats': () => ok(CHATS),
    });
    render(<GiftComposePage />);
    expect((await screen.findByTestId('compose-not-giftable')).textContent).toBe('不可送礼：「钻石」类目不支持送礼');
    expect((screen.getByTestId('gift-submit') as HTMLButtonElement).disabled).toBe(true);
  });
});
