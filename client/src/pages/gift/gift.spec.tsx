import { fireEvent, render, screen } from '@testing-library/react';
import type { GiftClaimSummary, MyGiftClaim } from '@giftshop/shared';
import { requests, setRouterParams } from '../../test/taro';
import { ALICE, BOB, fail, gift, loginAs, ok, product, routeApi, sku } from '../../test/fixtures';
import GiftPage from './index';

const ADDRESS = { name: '鲍勃', phone: '13800138000', region: '浙江省 杭州市 西湖区', detail: '龙井路 1 号' };

const SKUS = [
  sku({ id: 's1', specs: { 规格: '250g 礼盒' }, priceFen: 16800 }),
  sku({ id: 's2', specs: { 规格: '250g 罐装' }, priceFen: 16800 }),
  sku({ id: 's3', specs: { 规格: '500g 礼盒' }, priceFen: 29800 }),
  sku({ id: 's4', specs: { 规格: '250g 典藏' }, priceFen: 16800, giftable: false, giftReason: 'not giftable' }),
];

/** Bob's accepted claim of the 250g 罐装, as the recipient's view shows it. */
const MY_CLAIM: MyGiftClaim = {
  id: 'c1',
  skuId: 's2',
  specs: { 规格: '250g 罐装' },
  address: ADDRESS,
  acceptedAt: '2026-01-01T01:00:00.000Z',
  claimStatus: 'accepted',
  shippingStatus: 'pending_shipment',
  carrier: null,
  trackingNo: null,
};

function fillAddress() {
  for (const [field, value] of Object.entries(ADDRESS)) {
    fireEvent.change(screen.getByTestId(`address-${field}`), { target: { value } });
  }
}

const claimPosts = () => requests.filter((r) => r.method === 'POST' && r.path === '/gifts/g1/claim');
const bookPosts = () => requests.filter((r) => r.method === 'POST' && r.path === '/me/addresses');
/** Bob's book is empty; the address he types is saved as a1, then the claim names it. */
const SAVED = { id: 'a1', ...ADDRESS, isDefault: true };
const EMPTY_BOOK = { 'GET /me/addresses': () => ok([]), 'POST /me/addresses': () => ok(SAVED, 201) };

beforeEach(() => {
  loginAs(BOB);
  setRouterParams({ id: 'g1' });
});

describe('gift page, as the recipient', () => {
  it('opens the card, switches to another variant of the same price and accepts with an address', async () => {
    let claimed = false;
    routeApi({
      ...EMPTY_BOOK,
      'GET /gifts/g1': () =>
        ok(
          claimed
            ? gift({
                role: 'recipient',
                status: 20,
                claimedUnits: 1,
                remainingUnits: 0,
                myClaim: MY_CLAIM,
              })
            : gift(),
        ),
      'GET /products/p1': () => ok(product(SKUS)),
      'POST /gifts/g1/claim': () => {
        claimed = true;
        return ok({ id: 'c1', giftId: 'g1', status: 20 });
      },
    });
    render(<GiftPage />);

    expect((await screen.findByTestId('gift-wish')).textContent).toBe('生日快乐');
    expect(screen.getByTestId('gift-header').textContent).toContain('爱丽丝 送你一份礼物');
    fireEvent.click(screen.getByTestId('claim-open'));

    // Only giftable variants at the gift's price are offered.
    await screen.findByTestId('sku-s2');
    expect(screen.getByTestId('sku-s1').getAttribute('aria-checked')).toBe('true');
    expect(screen.queryByTestId('sku-s3')).toBeNull();
    expect(screen.queryByTestId('sku-s4')).toBeNull();

    fireEvent.click(screen.getByTestId('sku-s2'));
    fillAddress();
    fireEvent.click(screen.getByTestId('claim-accept'));
    // Accepting cannot be undone: the choice is shown once more before it is sent.
    fireEvent.click(await screen.findByTestId('claim-confirm'));

    await screen.findByTestId('my-claim');
    expect(bookPosts().map((r) => r.data)).toEqual([ADDRESS]);
    expect(claimPosts().map((r) => r.data)).toEqual([{ skuId: 's2', addressId: 'a1' }]);
    expect(screen.getByTestId('my-claim-status').textContent).toBe('待发货');
  });

  it("shows the server's 409 in place and stays on the form", async () => {
    routeApi({
      ...EMPTY_BOOK,
      'GET /gifts/g1': () => ok(gift({ mode: 'first_come', units: 3, remainingUnits: 1, chatId: 'chat-family' })),
      'GET /products/p1': () => ok(product(SKUS)),
      'POST /gifts/g1/claim': () => fail(409, 'ALL_CLAIMED', 'all claimed: every unit of this gift has been taken'),
    });
    render(<GiftPage />);
    fireEvent.click(await screen.findByTestId('claim-open'));
    fillAddress();
    fireEvent.click(screen.getByTestId('claim-accept'));
    fireEvent.click(await screen.findByTestId('claim-confirm'));

    // Said in the user's language by its code, not in the server's English.
    expect((await screen.findByTestId('claim-error')).textContent).toBe('礼物已被领完');
    expect(claimPosts().map((r) => r.data)).toEqual([{ skuId: 's1', addressId: 'a1' }]);
    // Back to the form: the button works again and the address Bob typed is kept (now saved) for another try.
    fireEvent.click(screen.getByTestId('claim-back'));
    expect((screen.getByTestId('claim-accept') as HTMLButtonElement).disabled).toBe(false);
    expect(screen.getByTestId('saved-address-a1').getAttribute('aria-checked')).toBe('true');
    expect(screen.queryByTestId('my-claim')).toBeNull();
    // A group gift cannot be declined.
    expect(screen.queryByTestId('claim-decline')).toBeNull();
  });

  it('asks for the whole address before claiming', async () => {
    routeApi({ ...EMPTY_BOOK, 'GET /gifts/g1': () => ok(gift()), 'GET /products/p1': () => ok(product(SKUS)) });
    render(<GiftPage />);
    fireEvent.click(await screen.findByTestId('claim-open'));
    fireEvent.change(await screen.findByTestId('address-name'), { target: { value: '鲍勃' } });
    fireEvent.click(screen.getByTestId('claim-accept'));
    expect((await screen.findByTestId('address-phone-error')).textContent).toContain('手机号');
    expect(screen.getByTestId('address-detail-error').textContent).toBe('请填写详细地址');
    expect(screen.queryByTestId('address-name-error')).toBeNull();
    expect(bookPosts()).toHaveLength(0);
    expect(claimPosts()).toHaveLength(0);
  });

  it('declines a single gift', async () => {
    let declined = false;
    routeApi({
      'GET /gifts/g1': () => ok(declined ? gift({ status: 181 }) : gift()),
      'GET /products/p1': () => ok(product(SKUS)),
      'POST /gifts/g1/decline': () => {
        declined = true;
        return ok(gift({ status: 181 }));
      },
    });
    render(<GiftPage />);
    fireEvent.click(await screen.findByTestId('claim-open'));
    fireEvent.click(screen.getByTestId('claim-decline'));
    expect((await screen.findByTestId('gift-closed')).textContent).toContain('已退款');
  });

  it('enters a lottery before the draw', async () => {
    let entered = false;
    const lottery = () =>
      gift({
        mode: 'lottery',
        units: 2,
        remainingUnits: 2,
        drawAt: '2026-01-01T06:00:00.000Z',
        entered,
        entrantCount: entered ? 1 : 0,
      });
    routeApi({
      'GET /gifts/g1': () => ok(lottery()),
      'POST /gifts/g1/enter': () => {
        entered = true;
        return ok({ giftId: 'g1', userId: BOB.id, enteredAt: '2026-01-01T01:00:00.000Z' });
      },
    });
    render(<GiftPage />);
    fireEvent.click(await screen.findByTestId('lottery-enter'));
    await screen.findByTestId('lottery-entered');
    expect(screen.queryByTestId('claim-accept')).toBeNull();
  });
});

describe('gift page, as the giver', () => {
  it('shows who accepted and the shipping state, never an address, even one a broken server leaks', async () => {
    loginAs(ALICE);
    setRouterParams({ id: 'g1' });
    const leaked = { name: '鲍小勃', phone: '13912345678', region: '上海市 徐汇区', detail: '漕溪北路 88 号 1203 室' };
    const claim = {
      recipientId: BOB.id,
      nickname: '鲍勃',
      acceptedAt: '2026-01-01T01:00:00.000Z',
      shippingStatus: 'shipped',
      // Not in GiftClaimSummary: what a server that forgot to strip the recipient's address would send.
      address: leaked,
      phone: leaked.phone,
    } as GiftClaimSummary;
    routeApi({
      'GET /gifts/g1': () =>
        ok(
          gift({
            role: 'giver',
            mode: 'first_come',
            units: 3,
            claimedUnits: 1,
            remainingUnits: 2,
            claims: [claim],
            refundedUnits: 0,
            myClaim: { ...MY_CLAIM, address: leaked },
          }),
        ),
    });
    render(<GiftPage />);
    const row = await screen.findByTestId(`gift-claim-${BOB.id}`);
    expect(row.textContent).toContain('鲍勃');
    expect(row.textContent).toContain('已发货');
    expect(screen.getByTestId('gift-claimed-units').textContent).toBe('1');
    expect(screen.queryByTestId('claim-accept')).toBeNull();
    expect(screen.queryByTestId('address-name')).toBeNull();
    for (const part of Object.values(leaked)) expect(document.body.textContent).not.toContain(part);
    // The giver's page only reads.
    expect(requests.map((r) => `${r.method} ${r.path}`)).toContain('GET /gifts/g1');
    expect(requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });
});

describe('gift page, server validation', () => {
  it('shows an address message beside its field, once', async () => {
    loginAs(BOB);
    setRouterParams({ id: 'g1' });
    routeApi({
      'GET /me/addresses': () => ok([]),
      'POST /me/addresses': () => fail(400, 'VALIDATION_FAILED', 'detail must be 1-200 characters'),
      'GET /gifts/g1': () => ok(gift()),
      'GET /products/p1': () => ok(product(SKUS)),
    });
    render(<GiftPage />);
    fireEvent.click(await screen.findByTestId('claim-open'));
    await screen.findByTestId('address-name');
    fillAddress();
    fireEvent.click(screen.getByTestId('claim-accept'));

    expect((await screen.findByTestId('address-detail-error')).textContent).toBe('详细地址需 1–200 个字');
    expect(screen.queryByTestId('claim-error')).toBeNull();
    expect(claimPosts()).toHaveLength(0);
  });
});
