import { act, render, screen } from '@testing-library/react';
import { apiPost } from '../../api/client';
import { BOB, gift, loginAs, ok, routeApi } from '../../test/fixtures';
import { GiftCard } from './index';

beforeEach(() => loginAs(BOB));

describe('gift card in the chat', () => {
  it('updates as soon as the claimer’s claim succeeds, not at the next poll', async () => {
    let claimed = false;
    routeApi({
      'GET /gifts/g1': () =>
        ok(
          gift({
            role: 'member',
            mode: 'first_come',
            units: 2,
            claimedUnits: claimed ? 1 : 0,
            remainingUnits: claimed ? 1 : 2,
          }),
        ),
      'POST /gifts/g1/claim': () => {
        claimed = true;
        return ok({ id: 'c1' });
      },
    });
    render(<GiftCard giftId="g1" />);
    await screen.findByText(/剩 2\/2 份/);
    jest.useFakeTimers(); // no poll can run: only the claim itself may refresh the card
    try {
      await act(async () => {
        await apiPost('/gifts/{id}/claim', { path: { id: 'g1' }, body: {} });
      });
      await act(async () => {
        await Promise.resolve();
      });
      expect(screen.getByTestId('gift-card-g1').textContent).toContain('剩 1/2 份');
    } finally {
      jest.useRealTimers();
    }
  });
});
