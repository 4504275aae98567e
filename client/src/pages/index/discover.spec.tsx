import { render, screen } from '@testing-library/react';
import type { ProductSummaryView } from '@giftshop/shared';
import { ALICE, loginAs, ok, routeApi } from '../../test/fixtures';
import DiscoverPage from './index';

const item = (id: string, imageUrl: string | null): ProductSummaryView => ({
  id,
  shopId: 'shop1',
  shopName: '山茶小馆',
  title: `商品 ${id}`,
  categoryCode: 'tea',
  imageUrl,
  priceFen: 16800,
  giftable: true,
  commissionBps: 0,
});

beforeEach(() => loginAs(ALICE));

describe('discover page', () => {
  it('shows the products first, as picture tiles in a grid, and the entry-point demo below them', async () => {
    routeApi({
      'GET /products?limit=50': () =>
        ok({ items: [item('p1', '/images/demo/p01.webp'), item('p2', '/uploads/a.webp'), item('p3', null)], total: 3 }),
    });
    const { container } = render(<DiscoverPage />);
    const grid = await screen.findByTestId('product-grid');

    const tiles = grid.querySelectorAll('.product-card--tile');
    expect(tiles).toHaveLength(3);
    expect(screen.getByTestId('product-card-image-p1').getAttribute('src')).toBe('/images/demo/p01.webp');
    expect(screen.getByTestId('product-card-image-p2').getAttribute('src')).toBe('/uploads/a.webp');

    // Products come before the unified-ID demo in the page's order.
    const demo = screen.getByTestId('scene-entry-official_account');
    const order = Array.from(container.querySelectorAll('[data-testid]')).map((el) => el.getAttribute('data-testid'));
    expect(order.indexOf('product-grid')).toBeLessThan(order.indexOf(demo.getAttribute('data-testid')));
  });
});
