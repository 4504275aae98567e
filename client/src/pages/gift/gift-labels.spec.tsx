import { render, screen } from '@testing-library/react';
import type { MyGiftClaim } from '@giftshop/shared';
import { GiftCard } from '../../components/GiftCard';
import { setRouterParams } from '../../test/taro';
import { BOB, gift, loginAs, ok, routeApi } from '../../test/fixtures';
import GiftPage from './index';

const MY_CLAIM: MyGiftClaim = {
  id: 'c1',
  skuId: 's1',
  specs: { 规格: '250g 礼盒' },
  address: { name: '鲍勃', phone: '13800138000', region: '浙江省 杭州市', detail: '1 号' },
  acceptedAt: '2026-01-01T01:00:00.000Z',
  claimStatus: 'accepted',
  shippingStatus: 'pending_shipment',
  carrier: null,
  trackingNo: null,
};

beforeEach(() => {
  loginAs(BOB);
  setRouterParams({ id: 'g1' });
});

describe('gift labels, as each viewer should read them', () => {
  it('a recipient who accepted a group gift with units still open reads 已领取, not 待领取', async () => {
    routeApi({
      'GET /gifts/g1': () =>
        ok(
          gift({
            role: 'recipient',
            mode: 'first_come',
            status: 10,
            units: 2,
            claimedUnits: 1,
            remainingUnits: 1,
            myClaim: MY_CLAIM,
          }),
        ),
    });
    render(<GiftPage />);
    expect((await screen.findByTestId('gift-status')).textContent).toBe('已领取');
  });

  it('a member too late for a group gift reads 已领完 on the header and 剩 0/2 份 · 已领完 on the card', async () => {
    const late = gift({
      role: 'member',
      mode: 'first_come',
      status: 20,
      units: 2,
      claimedUnits: 2,
      remainingUnits: 0,
      myClaim: null,
    });
    routeApi({ 'GET /gifts/g1': () => ok(late) });
    render(<GiftPage />);
    expect((await screen.findByTestId('gift-status')).textContent).toBe('已领完');
  });

  it('the chat card of a group gift with nothing left says 已领完, even before the gift settles', async () => {
    routeApi({
      'GET /gifts/g1': () =>
        ok(
          gift({
            role: 'member',
            mode: 'first_come',
            status: 10,
            units: 2,
            claimedUnits: 2,
            remainingUnits: 0,
            myClaim: null,
          }),
        ),
    });
    render(<GiftCard giftId="g1" />);
    const card = await screen.findByTestId('gift-card-g1');
    await screen.findByText(/剩 0\/2 份/);
    expect(card.textContent).toContain('剩 0/2 份 · 已领完');
    expect(card.textContent).not.toContain('已领取');
  });
});
