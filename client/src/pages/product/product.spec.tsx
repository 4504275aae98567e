import { fireEvent, render, screen } from '@testing-library/react';
import { navigations, setRouterParams } from '../../test/taro';
import { ALICE, groupDeal, loginAs, ok, product, routeApi, sku } from '../../test/fixtures';
import ProductPage from './index';

const IMAGES = ['/images/demo/p01.webp', '/uploads/a.webp', '/uploads/b.webp'];

function server(imageUrls: string[]) {
  routeApi({
    'GET /products/p1': () => ok(product([sku({ id: 's1', priceFen: 16800, listPriceFen: 16800 })], { imageUrls })),
    'GET /shops/shop1': () => ok({ id: 'shop1', name: '山茶小馆', followerCount: 3, following: false }),
  });
}

beforeEach(() => {
  loginAs(ALICE);
  setRouterParams({ id: 'p1' });
});

describe('product page', () => {
  it('shows every picture: the first large, a strip of thumbnails that switches it, and a counter', async () => {
    server(IMAGES);
    render(<ProductPage />);
    const current = await screen.findByTestId('gallery-current');
    expect(current.getAttribute('src')).toBe(IMAGES[0]);
    expect(screen.getByTestId('gallery-counter').textContent).toBe('1/3');

    fireEvent.click(screen.getByTestId('gallery-thumb-2'));
    expect(screen.getByTestId('gallery-current').getAttribute('src')).toBe(IMAGES[2]);
    expect(screen.getByTestId('gallery-counter').textContent).toBe('3/3');
  });

  it('shows one picture without a strip', async () => {
    server(IMAGES.slice(0, 1));
    render(<ProductPage />);
    expect((await screen.findByTestId('gallery-current')).getAttribute('src')).toBe(IMAGES[0]);
    expect(screen.queryByTestId('gallery-counter')).toBeNull();
  });

  it('shows the price once, and 购买 · 送给朋友 in the bottom bar', async () => {
    server(IMAGES);
    const { container } = render(<ProductPage />);
    await screen.findByTestId('product-title');
    expect(container.textContent!.split('¥168.00').length - 1).toBe(1);
    const bar = screen.getByTestId('product-bottom-bar');
    expect(bar.querySelector('[data-testid="buy-button"]')?.textContent).toBe('购买');
    expect(bar.querySelector('[data-testid="gift-button"]')?.textContent).toBe('送给朋友');
  });

  it('offers 发起拼团 beside 购买 and 送给朋友 with the group price when the product has a deal', async () => {
    routeApi({
      'GET /products/p1': () =>
        ok(
          product([sku({ id: 's1', priceFen: 16800 }), sku({ id: 's2', priceFen: 29800 })], {
            groupDeal: groupDeal({
              skus: [
                { skuId: 's1', groupPriceFen: 12800 },
                { skuId: 's2', groupPriceFen: 23800 },
              ],
            }),
          }),
        ),
      'GET /shops/shop1': () => ok({ id: 'shop1', name: '山茶小馆', followerCount: 3, following: false }),
    });
    render(<ProductPage />);
    await screen.findByTestId('product-title');
    const bar = screen.getByTestId('product-bottom-bar');
    expect(bar.querySelector('[data-testid="group-buy-button"]')?.textContent).toBe('发起拼团¥128.00 起 · 3人团');

    fireEvent.click(screen.getByTestId('sku-s2'));
    fireEvent.click(screen.getByTestId('quantity-plus'));
    fireEvent.click(screen.getByTestId('group-buy-button'));
    expect(navigations).toContain('/pages/team-open/index?productId=p1&skuId=s2&qty=2');
  });

  it('shows no 发起拼团 without a deal', async () => {
    server(IMAGES);
    render(<ProductPage />);
    await screen.findByTestId('product-title');
    expect(screen.queryByTestId('group-buy-button')).toBeNull();
  });
});

describe('分享赚', () => {
  const shop = () => ok({ id: 'shop1', name: '山茶小馆', followerCount: 3, following: false });

  it('tells a shopper what sharing a unit at the lowest price earns, rounded half up', async () => {
    routeApi({
      'GET /products/p1': () =>
        ok(product([sku({ id: 's1', priceFen: 16899 }), sku({ id: 's2', priceFen: 29800 })], { commissionBps: 1250 })),
      'GET /shops/shop1': shop,
      'GET /me': () => ok({ ...ALICE, shopIds: [] }),
    });
    render(<ProductPage />);
    // 12.5% of ¥168.99 is 2112.375 fen → ¥21.12.
    expect((await screen.findByTestId('share-earn')).textContent).toBe('分享赚 ¥21.12');
  });

  it('is not offered to the shop owner, nor without a rate', async () => {
    routeApi({
      'GET /products/p1': () => ok(product([sku({ id: 's1' })], { commissionBps: 1000 })),
      'GET /shops/shop1': shop,
      'GET /me': () => ok({ ...ALICE, shopIds: ['shop1'] }),
    });
    const owner = render(<ProductPage />);
    await screen.findByTestId('product-title');
    await new Promise((r) => setTimeout(r, 0));
    expect(screen.queryByTestId('share-earn')).toBeNull();
    owner.unmount();

    routeApi({
      'GET /products/p1': () => ok(product([sku({ id: 's1' })], { commissionBps: 0 })),
      'GET /shops/shop1': shop,
      'GET /me': () => ok({ ...ALICE, shopIds: [] }),
    });
    render(<ProductPage />);
    await screen.findByTestId('product-title');
    await new Promise((r) => setTimeout(r, 0));
    expect(screen.queryByTestId('share-earn')).toBeNull();
  });

  it('records the chat view with its sharer when opened from a card', async () => {
    setRouterParams({ id: 'p1', scene: 'chat', sharer: 'u-bob' });
    routeApi({
      'GET /products/p1?scene=chat&sharer=u-bob': () => ok(product([sku({ id: 's1' })])),
      'GET /shops/shop1': shop,
      'GET /me': () => ok({ ...ALICE, shopIds: [] }),
    });
    render(<ProductPage />);
    fireEvent.click(await screen.findByTestId('buy-button'));
    expect(navigations.at(-1)).toContain('&scene=chat&sharer=u-bob');
  });
});
