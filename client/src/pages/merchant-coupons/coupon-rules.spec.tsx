import { couponBody, endOfDay, zheToBps, type CouponForm } from './rules';
import { bpsToZhe, couponFiguresText, couponTermsText } from './labels';

const NOW = new Date(2026, 11, 1, 12, 0, 0);
const form = (overrides: Partial<CouponForm> = {}): CouponForm => ({
  title: '满100减20',
  type: 'amount_off',
  amountOff: '20',
  zhe: '',
  cap: '',
  minSpend: '100',
  productIds: [],
  total: '100',
  perUserLimit: '1',
  claimEndsOn: '2026-12-31',
  validDays: '30',
  ...overrides,
});
const problem = (overrides: Partial<CouponForm>) => {
  const result = couponBody(form(overrides), NOW);
  return result.ok ? null : result.problem;
};

describe('the coupon form', () => {
  it('sends a 满减 coupon in fen for the whole shop, claims closing at the end of the last day', () => {
    expect(couponBody(form(), NOW)).toEqual({
      ok: true,
      body: {
        title: '满100减20',
        type: 'amount_off',
        amountOffFen: 2000,
        minSpendFen: 10000,
        total: 100,
        perUserLimit: 1,
        claimEndsAt: new Date(2026, 11, 31, 23, 59, 59).toISOString(),
        validDays: 30,
      },
    });
  });

  it('sends a 折扣 coupon as basis points off, with its cap and its products; blank minimum is 0', () => {
    const result = couponBody(
      form({ type: 'percent_off', amountOff: '20', zhe: '8.5', cap: '30', minSpend: '', productIds: ['p1', 'p2'] }),
      NOW,
    );
    expect(result.ok && result.body).toMatchObject({
      type: 'percent_off',
      percentOffBps: 1500,
      maxDiscountFen: 3000,
      minSpendFen: 0,
      productIds: ['p1', 'p2'],
    });
    // The 满减 amount typed before switching is not sent with a 折扣 coupon.
    expect(result.ok && result.body.amountOffFen).toBeUndefined();
    const uncapped = couponBody(form({ type: 'percent_off', zhe: '9' }), NOW);
    expect(uncapped.ok && uncapped.body.maxDiscountFen).toBeUndefined();
  });

  it('names the first thing wrong, in the order of the form', () => {
    expect(problem({ title: '  ' })).toBe('名称为 1 到 40 个字');
    expect(problem({ title: '券'.repeat(41) })).toBe('名称为 1 到 40 个字');
    expect(problem({ title: '券'.repeat(40) })).toBeNull();
    expect(problem({ amountOff: '0' })).toBe('减免金额不是有效金额');
    expect(problem({ amountOff: '2.345' })).toBe('减免金额不是有效金额');
    expect(problem({ type: 'percent_off', zhe: '1.5' })).toBe('折扣为 2 到 9.99 折');
    expect(problem({ type: 'percent_off', zhe: '10' })).toBe('折扣为 2 到 9.99 折');
    expect(problem({ type: 'percent_off', zhe: '9', cap: 'abc' })).toBe('最多减的金额不是有效金额');
    expect(problem({ minSpend: '-1' })).toBe('门槛金额不是有效金额');
    expect(problem({ total: '0' })).toBe('发行数量为 1 到 1000000 张');
    expect(problem({ total: '1000001' })).toBe('发行数量为 1 到 1000000 张');
    expect(problem({ total: '1000000' })).toBeNull();
    expect(problem({ perUserLimit: '101' })).toBe('每人限领 1 到 100 张');
    expect(problem({ claimEndsOn: '2026/12/31' })).toBe('领取截止日期请写成 YYYY-MM-DD');
    expect(problem({ claimEndsOn: '2026-02-30' })).toBe('领取截止日期请写成 YYYY-MM-DD');
    expect(problem({ claimEndsOn: '2026-11-30' })).toBe('领取截止日期已过');
    // Today still counts: claims close at its end.
    expect(problem({ claimEndsOn: '2026-12-01' })).toBeNull();
    expect(problem({ validDays: '366' })).toBe('有效天数为 1 到 365 天');
    expect(problem({ validDays: '0', total: '0' })).toBe('发行数量为 1 到 1000000 张');
  });

  it('reads 折 as what is paid: 2折 to 9.99折 is 80% to 0.1% off', () => {
    expect(zheToBps('8.5')).toBe(1500);
    expect(zheToBps('9')).toBe(1000);
    expect(zheToBps('2')).toBe(8000);
    expect(zheToBps('9.99')).toBe(10);
    expect(zheToBps('1.99')).toBeNull();
    expect(zheToBps('9.999')).toBeNull();
    expect(bpsToZhe(1500)).toBe('8.5');
    expect(bpsToZhe(50)).toBe('9.95');
  });

  it('takes a real calendar day only', () => {
    expect(endOfDay('2028-02-29')).toEqual(new Date(2028, 1, 29, 23, 59, 59));
    expect(endOfDay('2027-02-29')).toBeNull();
  });
});

describe('a coupon as the merchant reads it', () => {
  const terms = {
    type: 'amount_off' as const,
    amountOffFen: 2000,
    percentOffBps: null,
    minSpendFen: 10000,
    maxDiscountFen: null,
    productIds: null,
  };

  it('says its terms in one line', () => {
    expect(couponTermsText(terms)).toBe('满 ¥100.00 减 ¥20.00 · 全店通用');
    expect(couponTermsText({ ...terms, minSpendFen: 0, productIds: ['p1', 'p2'] })).toBe(
      '无门槛减 ¥20.00 · 指定 2 件商品',
    );
    expect(
      couponTermsText({ ...terms, type: 'percent_off', amountOffFen: null, percentOffBps: 1000, maxDiscountFen: 3000 }),
    ).toBe('9 折 · 满 ¥100.00 可用 · 最多减 ¥30.00 · 全店通用');
  });

  it('says its figures: claimed of total, in use, used and what they took off', () => {
    expect(couponFiguresText({ claimed: 3, total: 100, held: 1, used: 2, discountFen: 4000 })).toBe(
      '已领 3/100 · 使用中 1 · 已使用 2 · 优惠金额 ¥40.00',
    );
  });
});
