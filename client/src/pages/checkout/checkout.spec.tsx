import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { OrderQuote, PlacedOrderView, SavedAddressView } from '@giftshop/shared';
import { requests, setRouterParams } from '../../test/taro';
import { ALICE, fail, loginAs, ok, product, routeApi, sku } from '../../test/fixtures';
import CheckoutPage from './index';

const TEA = sku({ id: 's1', specs: { 规格: '250g 礼盒' }, priceFen: 5900 });
const HOME: SavedAddressView = {
  id: 'a-home',
  name: '爱丽丝',
  phone: '13800138000',
  region: '浙江省 杭州市 西湖区',
  detail: '龙井路 1 号',
  isDefault: true,
};
const WORK: SavedAddressView = {
  id: 'a-work',
  name: '爱丽丝',
  phone: '+85291234567',
  region: '上海市 浦东新区',
  detail: '世纪大道 100 号',
  isDefault: false,
};
/** What the server's one pricing function says for ¥59 × 1: ¥10 freight below ¥99. */
const QUOTE: OrderQuote = {
  goodsFen: 5900,
  freightFen: 1000,
  discountFen: 0,
  giftCardFen: 0,
  totalFen: 6900,
  payFen: 6900,
  lines: [{ skuId: 's1', quantity: 1, paidFen: 5900 }],
  giftCards: [],
  userCouponId: null,
  coupons: [],
  bestUserCouponId: null,
};

function placed(addressId: string): PlacedOrderView {
  const address = [HOME, WORK].find((a) => a.id === addressId) ?? HOME;
  return {
    id: 'o1',
    kind: 'normal',
    status: 'pending_payment',
    userCouponId: null,
    giftCards: [],
    shopId: 'shop1',
    buyerId: ALICE.id,
    items: [
      {
        skuId: 's1',
        productId: 'p1',
        title: '明前龙井礼盒',
        specs: TEA.specs,
        unitPriceFen: 5900,
        quantity: 1,
        paidFen: 5900,
      },
    ],
    goodsFen: 5900,
    freightFen: 1000,
    discountFen: 0,
    giftCardFen: 0,
    totalFen: 6900,
    payFen: 6900,
    refundedFen: 0,
    scene: 'mini_program',
    domain: 'public',
    sharerId: null,
    address: { name: address.name, phone: address.phone, region: address.region, detail: address.detail },
    carrier: null,
    trackingNo: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    paidAt: null,
    shippedAt: null,
    deliveredAt: null,
    completedAt: null,
    cancelledAt: null,
    refundedAt: null,
    payment: null,
    afterSale: null,
    followOffer: null,
  };
}

const posts = (path: string) => requests.filter((r) => r.method === 'POST' && r.path === path).map((r) => r.data);

function route(book: SavedAddressView[]) {
  routeApi({
    'GET /products/p1': () => ok(product([TEA])),
    'GET /me/addresses': () => ok(book),
    'POST /me/addresses': (body) => ok({ id: 'a-new', ...(body as object), isDefault: book.length === 0 }, 201),
    'POST /orders/quote': () => ok(QUOTE),
    'POST /orders': (body) => ok(placed((body as { addressId: string }).addressId), 201),
  });
}

beforeEach(() => {
  loginAs(ALICE);
  setRouterParams({ productId: 'p1', skuId: 's1', qty: '1', scene: 'mini_program' });
});

describe('checkout', () => {
  it('shows goods, freight and the total from the quote before submitting, and the pay sheet asks the same', async () => {
    route([HOME]);
    render(<CheckoutPage />);
    // Before anything is submitted: ¥59.00 + ¥10.00 freight = ¥69.00 (not ¥59.00 and "提交后计算").
    await waitFor(() => expect(screen.getByTestId('checkout-total').textContent).toBe('¥69.00'));
    expect(screen.getByTestId('checkout-goods').textContent).toBe('¥59.00');
    expect(screen.getByTestId('checkout-freight').textContent).toBe('¥10.00');
    expect(document.body.textContent).not.toContain('提交后计算');
    expect(posts('/orders/quote')).toEqual([{ items: [{ skuId: 's1', quantity: 1 }] }]);
    expect(posts('/orders')).toEqual([]);

    fireEvent.click(screen.getByTestId('checkout-submit'));
    expect((await screen.findByTestId('pay-amount')).textContent).toBe('¥69.00');
  });

  it('preselects the default address and switches to another in one tap', async () => {
    route([WORK, HOME]);
    render(<CheckoutPage />);
    const home = await screen.findByTestId('saved-address-a-home');
    expect(home.getAttribute('aria-checked')).toBe('true');
    expect(screen.getByTestId('saved-address-a-work').getAttribute('aria-checked')).toBe('false');
    expect(screen.queryByTestId('address-name')).toBeNull();

    fireEvent.click(screen.getByTestId('saved-address-a-work'));
    expect(screen.getByTestId('saved-address-a-work').getAttribute('aria-checked')).toBe('true');
    await waitFor(() => expect(screen.getByTestId('checkout-total').textContent).toBe('¥69.00'));
    fireEvent.click(screen.getByTestId('checkout-submit'));
    await screen.findByTestId('pay-sheet');
    expect(posts('/orders')).toEqual([
      { items: [{ skuId: 's1', quantity: 1 }], addressId: 'a-work', scene: 'mini_program' },
    ]);
    expect(posts('/me/addresses')).toEqual([]);
  });

  it('adds a new address: it is saved to the book and the order names it', async () => {
    route([HOME]);
    render(<CheckoutPage />);
    fireEvent.click(await screen.findByTestId('address-add'));
    const mum = { name: '妈妈', phone: '13911112222', region: '江苏省 苏州市', detail: '观前街 8 号' };
    for (const [field, value] of Object.entries(mum)) {
      fireEvent.change(screen.getByTestId(`address-${field}`), { target: { value } });
    }
    await waitFor(() => expect(screen.getByTestId('checkout-total').textContent).toBe('¥69.00'));
    fireEvent.click(screen.getByTestId('checkout-submit'));
    await screen.findByTestId('pay-sheet');
    expect(posts('/me/addresses')).toEqual([mum]);
    expect(posts('/orders')).toEqual([
      { items: [{ skuId: 's1', quantity: 1 }], addressId: 'a-new', scene: 'mini_program' },
    ]);
  });

  it('refuses a phone that breaks the shared rule before sending anything', async () => {
    route([]);
    render(<CheckoutPage />);
    const typed = { name: '爱丽丝', phone: '12345', region: '浙江省 杭州市', detail: '龙井路 1 号' };
    await screen.findByTestId('address-name');
    for (const [field, value] of Object.entries(typed)) {
      fireEvent.change(screen.getByTestId(`address-${field}`), { target: { value } });
    }
    await waitFor(() => expect(screen.getByTestId('checkout-total').textContent).toBe('¥69.00'));
    fireEvent.click(screen.getByTestId('checkout-submit'));
    expect((await screen.findByTestId('address-phone-error')).textContent).toContain('手机号');
    expect(posts('/me/addresses')).toEqual([]);
    expect(posts('/orders')).toEqual([]);
  });

  it('says a server refusal of the typed address under its field, in the form’s words and language', async () => {
    routeApi({
      'GET /products/p1': () => ok(product([TEA])),
      'GET /me/addresses': () => ok([]),
      'POST /me/addresses': () => fail(400, 'VALIDATION_FAILED', 'detail must be 1-120 characters'),
      'POST /orders/quote': () => ok(QUOTE),
    });
    render(<CheckoutPage />);
    const typed = { name: '爱丽丝', phone: '13800138000', region: '浙江省 杭州市', detail: '龙井路 1 号' };
    await screen.findByTestId('address-name');
    for (const [field, value] of Object.entries(typed)) {
      fireEvent.change(screen.getByTestId(`address-${field}`), { target: { value } });
    }
    await waitFor(() => expect(screen.getByTestId('checkout-total').textContent).toBe('¥69.00'));
    fireEvent.click(screen.getByTestId('checkout-submit'));
    expect((await screen.findByTestId('address-detail-error')).textContent).toBe('详细地址需 1–120 个字');
    // Shown once, in place: not again under the form, and never the server's English.
    expect(screen.queryByTestId('checkout-error')).toBeNull();
    expect(document.body.textContent).not.toContain('must be');
    expect(posts('/orders')).toEqual([]);
  });

  it("shows the quote's error (e.g. sold out of listing) instead of a made-up price", async () => {
    routeApi({
      'GET /products/p1': () => ok(product([TEA])),
      'GET /me/addresses': () => ok([HOME]),
      'POST /orders/quote': () => fail(409, 'PRODUCT_NOT_LISTED', 'items.0: 明前龙井礼盒 is no longer on sale'),
    });
    render(<CheckoutPage />);
    expect((await screen.findByTestId('checkout-quote-error')).textContent).toContain('no longer on sale');
    expect(screen.getByTestId('checkout-total').textContent).not.toContain('¥');
    expect((screen.getByTestId('checkout-submit') as HTMLButtonElement).disabled).toBe(true);
  });
});
