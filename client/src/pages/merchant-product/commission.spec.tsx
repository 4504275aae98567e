import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { requests, setRouterParams } from '../../test/taro';
import { loginAs, ok, product, routeApi, sku } from '../../test/fixtures';
import MerchantProductPage from './index';

const WANG = { id: 'u-wang', openId: 'o_wang', nickname: '王掌柜' };
const CATEGORIES = [{ code: 'tea', name: '茶叶', nameEn: 'Tea', parentCode: null, feeRateBps: 60, giftable: true }];

beforeEach(() => {
  loginAs(WANG);
  setRouterParams({ shopId: 'shop1', id: 'p1' });
  routeApi({
    'GET /categories': () => ok(CATEGORIES),
    'GET /products/p1': () => ok(product([sku({ id: 's1' })], { commissionBps: 1000 })),
    'PATCH /products/p1': () => ok(product([sku({ id: 's1' })])),
  });
});

const patches = () => requests.filter((r) => r.method === 'PATCH');

describe('the commission rate in the product form', () => {
  it('shows the stored rate as a percentage and sends the typed one as basis points', async () => {
    render(<MerchantProductPage />);
    const rate = await screen.findByTestId('product-commission-input');
    expect((rate as HTMLInputElement).value).toBe('10');
    fireEvent.change(rate, { target: { value: '12.5' } });
    fireEvent.click(screen.getByTestId('product-submit'));
    await waitFor(() => expect(patches()).toHaveLength(1));
    expect(patches()[0].data).toMatchObject({ commissionBps: 1250 });
  });

  it('refuses more than 50% before asking the server', async () => {
    render(<MerchantProductPage />);
    fireEvent.change(await screen.findByTestId('product-commission-input'), { target: { value: '50.5' } });
    fireEvent.click(screen.getByTestId('product-submit'));
    expect((await screen.findByTestId('product-form-error')).textContent).toBe(
      '佣金比例为 0 到 50% 之间的数，最多两位小数',
    );
    expect(patches()).toEqual([]);
  });
});
