import { BPS_DENOMINATOR, COMMISSION_RULES, type LedgerTotals } from '@giftshop/shared';
import { earningStatusLabel } from './i18n/labels';
import { setLang } from './i18n';
import { ledgerBalanced } from './pages/merchant-ledger/balance';
import { bpsToPercent, percentToBps, shareEarnFen, shareLink } from './sharing';

describe('分享赚: what one unit at the lowest price earns the sharer', () => {
  it('rounds half up as the server books it', () => {
    // 10% of ¥168.00 is ¥16.80; 12.5% of ¥0.99 is 12.375 fen → 12; 15% of ¥0.99 is 14.85 → 15.
    expect(shareEarnFen({ commissionBps: 1000, priceFen: 16800 })).toBe(1680);
    expect(shareEarnFen({ commissionBps: 1250, priceFen: 99 })).toBe(12);
    expect(shareEarnFen({ commissionBps: 1500, priceFen: 99 })).toBe(15);
    // Exactly half a fen goes up: 50% of 1 fen.
    expect(shareEarnFen({ commissionBps: 5000, priceFen: 1 })).toBe(1);
  });

  it('is nothing without a rate', () => {
    expect(shareEarnFen({ commissionBps: 0, priceFen: 16800 })).toBe(0);
  });
});

describe('the share link', () => {
  it('opens the product page as a chat card does, naming the sharer', () => {
    const link = shareLink('https://shop.example', 'p1', 'u-bob');
    const url = new URL(link);
    expect(url.origin).toBe('https://shop.example');
    expect(url.pathname).toBe('/pages/product/index');
    expect(url.searchParams.get('id')).toBe('p1');
    expect(url.searchParams.get('sharer')).toBe('u-bob');
    expect(url.searchParams.get('scene')).toBe('chat');
  });
});

describe('the commission rate typed as a percentage', () => {
  it('becomes whole basis points without floating point', () => {
    expect(percentToBps('10')).toBe(1000);
    expect(percentToBps('12.5')).toBe(1250);
    expect(percentToBps('0.29')).toBe(29); // 0.29 × 100 is 28.999… in floating point
    expect(percentToBps(' 0 ')).toBe(0);
    expect(percentToBps('')).toBe(0);
    expect(percentToBps('50')).toBe(COMMISSION_RULES.maxBps);
  });

  it('refuses what is above 50%, negative, or not a number with at most two decimals', () => {
    for (const text of ['50.01', '51', '-1', '1.234', 'abc', '1e2', '10%']) expect(percentToBps(text)).toBeNull();
  });

  it('reads back as the merchant typed it', () => {
    expect(bpsToPercent(1000)).toBe('10');
    expect(bpsToPercent(1250)).toBe('12.5');
    expect(bpsToPercent(5)).toBe('0.05');
    expect(bpsToPercent(0)).toBe('0');
    for (let bps = 0; bps <= COMMISSION_RULES.maxBps; bps += 37) expect(percentToBps(bpsToPercent(bps))).toBe(bps);
    expect(COMMISSION_RULES.maxBps).toBeLessThan(BPS_DENOMINATOR);
  });
});

describe('earning status labels', () => {
  afterEach(() => setLang('zh'));

  it('names each status in both languages', () => {
    expect(['pending', 'available', 'reversed'].map((s) => earningStatusLabel(s as 'pending'))).toEqual([
      '待结算',
      '可提现',
      '已退回',
    ]);
    setLang('en');
    expect(earningStatusLabel('reversed')).toBe('Reversed');
  });
});

describe('the ledger identity with commissions', () => {
  const totals: LedgerTotals = {
    paidFen: 16800,
    refundedFen: 0,
    feeFen: 101,
    commissionFen: 1680,
    pendingFen: 15019,
    availableFen: 0,
    withdrawnFen: 0,
  };

  it('balances when the commission is taken out of what the merchant keeps', () => {
    expect(ledgerBalanced(totals)).toBe(true);
  });

  it('does not balance when the commission is ignored or counted twice', () => {
    expect(ledgerBalanced({ ...totals, pendingFen: totals.pendingFen + totals.commissionFen })).toBe(false);
    expect(ledgerBalanced({ ...totals, commissionFen: 0 })).toBe(false);
  });
});
