import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setLang } from '../../i18n';
import { requests, setRouterParams } from '../../test/taro';
import { fail, loginAs, ok, product, routeApi, sku } from '../../test/fixtures';
import MerchantProductPage from './index';

const WANG = { id: 'u-wang', openId: 'o_wang', nickname: '王掌柜' };
const CATEGORIES = [{ code: 'tea', name: '茶叶', nameEn: 'Tea', parentCode: null, feeRateBps: 60, giftable: true }];
const TOO_DEAR = 'skus.0.priceFen must not be greater than 1000000000';

let created: unknown[] = [];

beforeEach(() => {
  loginAs(WANG);
  created = [];
  setRouterParams({ shopId: 'shop1' });
  routeApi({
    'GET /categories': () => ok(CATEGORIES),
    'POST /shops/shop1/products': (body) => {
      created.push(body);
      return fail(400, 'VALIDATION_FAILED', `title contains the banned claim "第一"; ${TOO_DEAR}`);
    },
  });
});

afterEach(() => setLang('zh'));

async function fillForm(price: string) {
  fireEvent.change(await screen.findByTestId('product-title-input'), { target: { value: '第一好茶' } });
  fireEvent.click(screen.getByTestId('category-tea'));
  fireEvent.change(screen.getByTestId('sku-spec-value-0'), { target: { value: '250g' } });
  fireEvent.change(screen.getByTestId('sku-price-0'), { target: { value: price } });
  fireEvent.change(screen.getByTestId('sku-list-price-0'), { target: { value: '200' } });
}

const posts = () => requests.filter((r) => r.method === 'POST');

describe('merchant product form', () => {
  it('is titled 新建商品 when creating and 编辑商品 when editing', async () => {
    const titles = jest.spyOn(Taro, 'setNavigationBarTitle');
    const { unmount } = render(<MerchantProductPage />);
    await screen.findByTestId('product-title-input');
    expect(titles).toHaveBeenLastCalledWith({ title: '新建商品' });
    unmount();

    setRouterParams({ shopId: 'shop1', id: 'p1' });
    routeApi({ 'GET /categories': () => ok(CATEGORIES), 'GET /products/p1': () => ok(product([sku({ id: 's1' })])) });
    render(<MerchantProductPage />);
    await screen.findByTestId('product-title-input');
    expect(titles).toHaveBeenLastCalledWith({ title: '编辑商品' });
  });

  it("shows the server's errors in Chinese by code, naming the field as labelled and money in yuan", async () => {
    render(<MerchantProductPage />);
    await fillForm('20000000');
    fireEvent.click(screen.getByTestId('product-submit'));

    expect((await screen.findByTestId('sku-error-0')).textContent).toBe('价格不能超过 ¥10,000,000.00');
    expect(screen.getByTestId('product-title-error').textContent).toBe('标题含有违规用语「第一」');
    expect(screen.queryByTestId('product-form-error')).toBeNull();
  });

  it('says the same in English', async () => {
    setLang('en');
    render(<MerchantProductPage />);
    await fillForm('20000000');
    fireEvent.click(screen.getByTestId('product-submit'));
    expect((await screen.findByTestId('sku-error-0')).textContent).toBe('Price must be at most ¥10,000,000.00');
    expect(screen.getByTestId('product-title-error').textContent).toBe('Title holds the banned claim “第一”');
  });

  it('drops a stale server error when a new client error shows, and when the user edits', async () => {
    render(<MerchantProductPage />);
    await fillForm('20000000');
    fireEvent.click(screen.getByTestId('product-submit'));
    await screen.findByTestId('sku-error-0');

    // A new client-side problem: only it shows, not the last attempt's server message beside it.
    fireEvent.change(screen.getByTestId('sku-stock-0'), { target: { value: 'x' } });
    expect(screen.queryByTestId('sku-error-0')).toBeNull();
    fireEvent.click(screen.getByTestId('product-submit'));
    expect(screen.getByTestId('product-form-error').textContent).toBe('第 1 个规格：库存不是有效数字');
    expect(screen.queryByTestId('sku-error-0')).toBeNull();
    expect(screen.queryByTestId('product-title-error')).toBeNull();

    // Editing the field clears the form message too.
    fireEvent.change(screen.getByTestId('sku-stock-0'), { target: { value: '10' } });
    expect(screen.queryByTestId('product-form-error')).toBeNull();
  });

  it('names the field that is not a number, and asks for a price of at least ¥0.01', async () => {
    render(<MerchantProductPage />);
    await fillForm('abc');
    fireEvent.click(screen.getByTestId('product-submit'));
    expect(screen.getByTestId('product-form-error').textContent).toBe('第 1 个规格：售价不是有效金额');

    fireEvent.change(screen.getByTestId('sku-price-0'), { target: { value: '0' } });
    fireEvent.click(screen.getByTestId('product-submit'));
    expect(screen.getByTestId('product-form-error').textContent).toBe('第 1 个规格：售价至少 ¥0.01');

    fireEvent.change(screen.getByTestId('sku-price-0'), { target: { value: '100' } });
    fireEvent.change(screen.getByTestId('sku-list-price-0'), { target: { value: '1.234' } });
    fireEvent.click(screen.getByTestId('product-submit'));
    expect(screen.getByTestId('product-form-error').textContent).toBe('第 1 个规格：原价不是有效金额');
    expect(posts()).toHaveLength(0);
  });

  it('defaults the spec name to the localized 规格 / Option', async () => {
    setLang('en');
    render(<MerchantProductPage />);
    await fillForm('100');
    expect((screen.getByTestId('sku-spec-name-0') as HTMLInputElement).value).toBe('Option');
    fireEvent.change(screen.getByTestId('sku-spec-name-0'), { target: { value: ' ' } });
    fireEvent.click(screen.getByTestId('product-submit'));
    await waitFor(() => expect(created).toHaveLength(1));
    expect(created[0]).toMatchObject({ skus: [{ specs: { Option: '250g' }, priceFen: 10000, listPriceFen: 20000 }] });
  });
});
