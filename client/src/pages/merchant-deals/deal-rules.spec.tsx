import { sku } from '../../test/fixtures';
import { dealBody, type DealForm } from './rules';

const PRODUCT = {
  id: 'p1',
  skus: [
    sku({ id: 's1', specs: { 规格: '250g 礼盒' }, priceFen: 16800 }),
    sku({ id: 's2', specs: { 规格: '500g 礼盒' }, priceFen: 29800 }),
  ],
};
const form = (overrides: Partial<DealForm> = {}): DealForm => ({
  product: PRODUCT,
  groupSize: '3',
  windowHours: '24',
  prices: { s1: '128', s2: '' },
  ...overrides,
});
const problem = (overrides: Partial<DealForm>) => {
  const result = dealBody(form(overrides));
  return result.ok ? null : result.problem;
};

describe('the group deal form', () => {
  it('sends the priced SKUs in fen and leaves the blank ones out', () => {
    expect(dealBody(form({ prices: { s1: '128.5', s2: '' } }))).toEqual({
      ok: true,
      body: { productId: 'p1', groupSize: 3, windowHours: 24, skus: [{ skuId: 's1', groupPriceFen: 12850 }] },
    });
  });

  it('takes a team of 2 to 50 and a window of 1 to 48 hours, whole numbers only', () => {
    expect(problem({ groupSize: '2', windowHours: '1' })).toBeNull();
    expect(problem({ groupSize: '50', windowHours: '48' })).toBeNull();
    for (const groupSize of ['1', '51', '2.5', '', 'abc']) {
      expect(problem({ groupSize })).toBe('成团人数为 2 到 50 人');
    }
    for (const windowHours of ['0', '49', '1.5', '']) {
      expect(problem({ windowHours })).toBe('拼团时限为 1 到 48 小时');
    }
  });

  it('wants a group price below the SKU’s own price, at least ¥0.01', () => {
    expect(problem({ prices: { s1: '168' } })).toBe('「250g 礼盒」的拼团价须低于售价 ¥168.00');
    expect(problem({ prices: { s1: '167.99' } })).toBeNull();
    expect(problem({ prices: { s1: '0' } })).toBe('「250g 礼盒」的拼团价不是有效金额');
    expect(problem({ prices: { s1: '12.345' } })).toBe('「250g 礼盒」的拼团价不是有效金额');
  });

  it('needs a product and at least one priced SKU', () => {
    expect(problem({ product: undefined })).toBe('请选择商品');
    expect(problem({ prices: { s1: ' ', s2: '' } })).toBe('请至少为一个规格填写拼团价');
  });
});
