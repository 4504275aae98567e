import { categoryFeeRateBps, giftUnitFees, NEW_MERCHANT_FEE, orderFeeRateBps, serviceFee } from './fees';

const DAY = 24 * 3_600_000;
const opened = new Date('2026-01-01T00:00:00Z');
const at = (days: number) => new Date(opened.getTime() + days * DAY);
/** An established shop (past the 30-day window), so only the category rate applies. */
const standard = (amountFen: number, categoryRateBps: number) =>
  serviceFee({ amountFen, categoryRateBps, shopOpenedAt: opened, paidAt: at(60), priorNewMerchantGmvFen: 0 }).feeFen;

describe('the technical service fee', () => {
  it.each([
    // amount, rate, fee: round-half-up(rate × amount / 10,000)
    [10_000, 500, 500],
    [1, 500, 0], // 0.05 fen
    [10, 500, 1], // 0.5 fen rounds up
    [9, 500, 0], // 0.45
    [30, 500, 2], // 1.5 rounds up
    [29, 500, 1], // 1.45
    [50, 100, 1], // 0.5
    [49, 100, 0], // 0.49
    [20, 250, 1], // 0.5
    [19, 250, 0], // 0.475
    [25, 200, 1], // 0.5
    [100, 300, 3],
    [50, 300, 2], // 1.5
    [125, 400, 5],
    [0, 500, 0],
  ])('%i fen at %i bps is %i fen', (amount, rate, fee) => {
    expect(standard(amount, rate)).toBe(fee);
  });

  it('is exact for large amounts (no floating point)', () => {
    // 900,719,925,474,099 × 5% = 45,035,996,273,704.95 → 45,035,996,273,705
    expect(standard(900_719_925_474_099, 500)).toBe(45_035_996_273_705);
  });

  it('takes the category rate from the table, 5% when unknown', () => {
    expect(categoryFeeRateBps('tea')).toBe(200);
    expect(categoryFeeRateBps('fresh')).toBe(100);
    expect(categoryFeeRateBps('no-such-category')).toBe(500);
  });

  it.each([
    [-1, 500],
    [1.5, 500],
    [100, -1],
    [100, 10_001],
    [100, 2.5],
  ])('refuses amount %p at rate %p', (amountFen, categoryRateBps) => {
    expect(() =>
      serviceFee({ amountFen, categoryRateBps, shopOpenedAt: opened, paidAt: at(1), priorNewMerchantGmvFen: 0 }),
    ).toThrow(RangeError);
  });
});

describe('the new-merchant rate: 1% on the first ¥1,000,000 of GMV within 30 days of opening', () => {
  const fee = (amountFen: number, paidAt: Date, prior: number, rate = 500) =>
    serviceFee({ amountFen, categoryRateBps: rate, shopOpenedAt: opened, paidAt, priorNewMerchantGmvFen: prior });

  it('charges 1% inside the window', () => {
    expect(fee(10_000, at(0), 0)).toEqual({ feeFen: 100, newMerchantFen: 10_000, standardFen: 0 });
    expect(fee(10_000, new Date(at(30).getTime() - 1), 0).feeFen).toBe(100);
  });

  it('charges the category rate from the 30th day on', () => {
    expect(fee(10_000, at(30), 0)).toEqual({ feeFen: 500, newMerchantFen: 0, standardFen: 10_000 });
  });

  it('charges the category rate once ¥1,000,000 of GMV has been counted', () => {
    expect(fee(10_000, at(5), NEW_MERCHANT_FEE.gmvCapFen).feeFen).toBe(500);
    expect(fee(10_000, at(5), NEW_MERCHANT_FEE.gmvCapFen + 1).feeFen).toBe(500);
  });

  it('splits the order that crosses the line: 1% below it, the category rate above, rounded once', () => {
    // 3,000 fen left under the cap at 1% = 30; 7,000 fen above at 5% = 350.
    expect(fee(10_000, at(5), NEW_MERCHANT_FEE.gmvCapFen - 3_000)).toEqual({
      feeFen: 380,
      newMerchantFen: 3_000,
      standardFen: 7_000,
    });
    // Rounded once, not per part: 50 fen at 1% (0.5) + 10 fen at 5% (0.5) = 1.0 → 1 (per part: 1 + 1 = 2).
    expect(fee(60, at(5), NEW_MERCHANT_FEE.gmvCapFen - 50).feeFen).toBe(1);
    // 150 fen at 1% (1.5) + 30 fen at 5% (1.5) = 3.0 → 3 (per part: 2 + 2 = 4).
    expect(fee(180, at(5), NEW_MERCHANT_FEE.gmvCapFen - 150).feeFen).toBe(3);
  });

  it('keeps the new-merchant terms as data: 1%, ¥1,000,000, 30 days', () => {
    expect(NEW_MERCHANT_FEE).toEqual({ rateBps: 100, gmvCapFen: 100_000_000, windowMs: 30 * DAY });
  });
});

describe('orderFeeRateBps: one rate for an order whose items span categories', () => {
  it('is the highest rate among the items', () => {
    expect(orderFeeRateBps(['tea'])).toBe(200);
    expect(orderFeeRateBps(['tea', 'beauty', 'books'])).toBe(500);
    expect(orderFeeRateBps(['books', 'digital'])).toBe(250);
  });

  it('uses the default rate for a category it does not know', () => {
    expect(orderFeeRateBps(['books', 'no-such-category'])).toBe(500);
  });

  it('refuses an order without items', () => {
    expect(() => orderFeeRateBps([])).toThrow(RangeError);
  });
});

describe('giftUnitFees: each unit priced as if the units before it were already counted', () => {
  const opened = new Date('2026-01-01T00:00:00Z');
  const old = new Date(opened.getTime() + 31 * 24 * 3_600_000);
  const young = new Date(opened.getTime() + 24 * 3_600_000);
  const base = { categoryRateBps: 500, shopOpenedAt: opened };

  it('charges an established shop the category rate on every unit, rounded per unit', () => {
    // 2,450 × 5% = 122.5 → 123 for each unit (rounded per unit: 3 × 123, not round(367.5) = 368).
    expect(giftUnitFees({ ...base, unitPriceFen: 2_450, units: 3, paidAt: old, priorNewMerchantGmvFen: 0 })).toEqual([
      123, 123, 123,
    ]);
  });

  it('charges 1% inside the new-merchant window', () => {
    expect(giftUnitFees({ ...base, unitPriceFen: 2_450, units: 2, paidAt: young, priorNewMerchantGmvFen: 0 })).toEqual([
      25, 25,
    ]);
  });

  it('splits the unit that crosses the ¥1,000,000 line; the units after it pay the category rate', () => {
    const fees = giftUnitFees({
      ...base,
      unitPriceFen: 10_000,
      units: 3,
      paidAt: young,
      priorNewMerchantGmvFen: NEW_MERCHANT_FEE.gmvCapFen - 13_000,
    });
    // Unit 1 fully below (100), unit 2: 3,000 at 1% + 7,000 at 5% = 380, unit 3 above (500).
    expect(fees).toEqual([100, 380, 500]);
  });
});
