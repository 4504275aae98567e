import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { EarningsView } from '@giftshop/shared';
import { requests } from '../../test/taro';
import { BOB, fail, loginAs, ok, routeApi } from '../../test/fixtures';
import PromotePage from './index';

const SUMMARIES = [
  {
    id: 'p1',
    shopId: 'shop1',
    shopName: '山茶小馆',
    title: '明前龙井礼盒',
    categoryCode: 'tea',
    imageUrl: null,
    priceFen: 16800,
    giftable: true,
    commissionBps: 1000,
  },
  {
    id: 'p2',
    shopId: 'shop1',
    shopName: '山茶小馆',
    title: '花果茶组合',
    categoryCode: 'tea',
    imageUrl: null,
    priceFen: 5900,
    giftable: true,
    commissionBps: 0,
  },
];

const EARNINGS: EarningsView = {
  entries: [
    {
      orderId: 'o1',
      productId: 'p1',
      productTitle: '明前龙井礼盒',
      amountFen: 1680,
      status: 'pending',
      at: '2026-01-01T00:00:00.000Z',
    },
    {
      orderId: 'o0',
      productId: 'p1',
      productTitle: '明前龙井礼盒',
      amountFen: 0,
      status: 'reversed',
      at: '2026-01-01T00:00:00.000Z',
    },
  ],
  totals: { pendingFen: 1680, availableFen: 500, withdrawnFen: 0 },
};

function server(withdrawal: (body: unknown) => ReturnType<typeof ok>) {
  routeApi({
    'GET /products?limit=100': () => ok({ items: SUMMARIES, total: 2 }),
    'GET /me/earnings': () => ok(EARNINGS),
    'POST /me/earnings/withdrawals': withdrawal,
  });
}

beforeEach(() => loginAs(BOB));

describe('推广中心', () => {
  it('lists only the products that pay, each with its link naming the sharer and a QR code of that link', async () => {
    server(() => ok({}));
    render(<PromotePage />);
    const link = await screen.findByTestId('promote-link-p1');
    const url = new URL(link.textContent!);
    expect(url.searchParams.get('sharer')).toBe(BOB.id);
    expect(url.searchParams.get('scene')).toBe('chat');
    expect(screen.getByTestId('promote-earn-p1').textContent).toBe('佣金 10% · 分享赚 ¥16.80');
    const qr = screen.getByTestId('promote-qr-p1');
    expect(qr.getAttribute('src')).toMatch(/^data:image\/gif;base64,/);
    expect(qr.getAttribute('data-text')).toBe(link.textContent);
    expect(screen.queryByTestId('promote-product-p2')).toBeNull();
  });

  it('shows the totals and each earning with its status', async () => {
    server(() => ok({}));
    render(<PromotePage />);
    expect((await screen.findByTestId('earnings-pendingFen')).textContent).toContain('¥16.80');
    expect(screen.getByTestId('earnings-availableFen').textContent).toContain('¥5.00');
    expect(screen.getByTestId('earning-o1-p1').textContent).toContain('待结算');
    expect(screen.getByTestId('earning-o0-p1').textContent).toContain('已退回');
  });

  it('withdraws the amount typed with an Idempotency-Key, and says plainly when it is more than is available', async () => {
    let calls = 0;
    server(() =>
      ++calls === 1
        ? fail(409, 'INSUFFICIENT_AVAILABLE', 'not enough')
        : ok({ id: 'w1', amountFen: 500, at: '', totals: EARNINGS.totals }),
    );
    render(<PromotePage />);
    const input = await screen.findByTestId('withdraw-amount');
    fireEvent.change(input, { target: { value: '9' } });
    fireEvent.click(screen.getByTestId('withdraw-submit'));
    expect((await screen.findByTestId('withdraw-error')).textContent).toBe('可提现金额不足');

    fireEvent.click(screen.getByTestId('withdraw-all'));
    fireEvent.click(screen.getByTestId('withdraw-submit'));
    expect((await screen.findByTestId('withdraw-done')).textContent).toBe('已提现 ¥5.00');
    const posts = requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.data)).toEqual([{ amountFen: 900 }, { amountFen: 500 }]);
    expect(posts[0].header?.['Idempotency-Key']).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId('withdraw-error')).toBeNull());
  });

  it('refuses a zero amount before asking the server', async () => {
    server(() => ok({}));
    render(<PromotePage />);
    fireEvent.change(await screen.findByTestId('withdraw-amount'), { target: { value: '0' } });
    fireEvent.click(screen.getByTestId('withdraw-submit'));
    expect((await screen.findByTestId('withdraw-error')).textContent).toBe('请输入大于 0 的金额');
    expect(requests.filter((r) => r.method === 'POST')).toEqual([]);
  });
});
