import { fireEvent, render, screen } from '@testing-library/react';
import { setLang } from '../../i18n';
import { mockApi, setRouterParams } from '../../test/taro';
import { fail, loginAs, ok, product, sku } from '../../test/fixtures';
import MerchantSearchPage from './index';

const WANG = { id: 'u-wang', openId: 'o_wang', nickname: '王掌柜' };
const factor = (value: number, weight: number) => ({ value, weight, contribution: value * weight });
const EXPLAIN = {
  productId: 'p1',
  query: '龙井',
  tokens: ['龙井'],
  matches: true,
  score: 0.5,
  relevance: 0.25,
  boost: 1,
  sales: 1,
  productSales: 1,
  shopSales: 0,
  caps: { product: 5, shop: 1 },
  conversion: { orders: 1, views: 4, rate: 0.25, weight: 1 },
  factors: { productPrivateOrders: factor(5, 0.2), shopPublicGmvYuan: factor(100, 0.00004) },
  formula: 'score = relevance × (1 + boost); boost = …',
  halfLifeDays: 7,
};

beforeEach(() => {
  loginAs(WANG);
  setRouterParams({ shopId: 'shop1' });
  mockApi(({ path }) => {
    if (path === '/shops/shop1/products') return ok([product([sku({ id: 's1' })])]);
    if (path.startsWith('/search/explain')) return ok(EXPLAIN);
    if (path.startsWith('/search')) return ok({ items: [], total: 0 });
    return fail(404, 'NOT_FOUND', `no route ${path}`);
  });
});

afterEach(() => setLang('zh'));

async function explain() {
  render(<MerchantSearchPage />);
  fireEvent.change(screen.getByTestId('explain-query'), { target: { value: '龙井' } });
  fireEvent.click(screen.getByTestId('explain-submit'));
  fireEvent.click(await screen.findByTestId('explain-product-p1'));
  await screen.findByTestId('explain-result');
}

describe('search explain', () => {
  it('names each factor and says the formula in Chinese, not in code names', async () => {
    await explain();
    expect(screen.getByTestId('explain-factor-productPrivateOrders').textContent).toContain('商品私域订单');
    expect(screen.getByTestId('explain-factor-shopPublicGmvYuan').textContent).toContain('店铺公域成交额（元）');
    expect(screen.getByTestId('explain-result').textContent).not.toMatch(/productPrivateOrders|relevance|boost/);
    expect(screen.getByTestId('explain-formula').textContent).toBe(
      '总分 = 文本相关度 × (1 + 私域加权)；私域加权 = (min(5, Σ 商品因子) + min(1, Σ 店铺因子)) × (1 + 1 × 转化率)',
    );
  });

  it('and in English', async () => {
    setLang('en');
    await explain();
    expect(screen.getByTestId('explain-factor-productPrivateOrders').textContent).toContain('Product private orders');
    expect(screen.getByTestId('explain-formula').textContent).toContain('score = text relevance × (1 + boost)');
  });
});
