import { render, screen } from '@testing-library/react';
import { setRouterParams } from '../../test/taro';
import { BOB, gift, loginAs, ok, routeApi } from '../../test/fixtures';
import GiftPage from './index';

/** The recipient's view follows claimEligibility: a member is offered the claim only when the server would take it. */
beforeEach(() => {
  loginAs(BOB);
  setRouterParams({ id: 'g1' });
});

const drawn = { mode: 'lottery' as const, units: 2, remainingUnits: 2, drawAt: '2026-01-01T06:00:00.000Z' };

function showing(overrides: Parameters<typeof gift>[0]) {
  routeApi({ 'GET /gifts/g1': () => ok(gift(overrides)) });
  render(<GiftPage />);
}

describe('gift page, as a recipient: what the claim rule lets them do', () => {
  it('offers a lottery winner the claim', async () => {
    showing({ ...drawn, drawnAt: '2026-01-01T06:00:01.000Z', entered: true, won: true });
    await screen.findByTestId('lottery-won');
    expect(screen.getByTestId('claim-open')).toBeTruthy();
  });

  it('tells a member who lost the draw they did not win', async () => {
    showing({ ...drawn, drawnAt: '2026-01-01T06:00:01.000Z', entered: true, won: false });
    expect((await screen.findByTestId('lottery-lost')).textContent).toContain('未中奖');
    expect(screen.queryByTestId('claim-open')).toBeNull();
  });

  it('tells a member who never entered the drawn lottery they did not win, not offer a claim the server refuses', async () => {
    showing({ ...drawn, drawnAt: '2026-01-01T06:00:01.000Z', entered: false, won: null });
    await screen.findByTestId('lottery-lost');
    expect(screen.queryByTestId('claim-open')).toBeNull();
  });

  it('shows a group gift with no unit left as all claimed while its status still says sent', async () => {
    showing({ mode: 'first_come', units: 3, claimedUnits: 3, remainingUnits: 0, claimants: [] });
    await screen.findByTestId('gift-all-claimed');
    expect(screen.queryByTestId('claim-open')).toBeNull();
  });

  it('shows an expired gift as closed', async () => {
    showing({ status: 180 });
    expect((await screen.findByTestId('gift-closed')).textContent).toContain('已过期');
  });
});
