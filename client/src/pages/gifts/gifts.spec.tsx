import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { requests } from '../../test/taro';
import { gift, loginAs, ALICE, ok, routeApi } from '../../test/fixtures';
import GiftsPage from './index';

const UNPAID = gift({ id: 'g-unpaid', orderId: 'o-unpaid', role: 'giver', status: 0, sentAt: null, remainingUnits: 0 });
const SENT = gift({ id: 'g-sent', orderId: 'o-sent', role: 'giver', status: 10 });

let cancelled = false;

beforeEach(() => {
  loginAs(ALICE);
  cancelled = false;
  routeApi({
    'GET /gifts?role=giver': () => ok(cancelled ? [SENT] : [UNPAID, SENT]),
    'POST /orders/o-unpaid/cancel': () => {
      cancelled = true;
      return ok({ id: 'o-unpaid', status: 'cancelled' });
    },
  });
});

describe('my gifts', () => {
  it('lists an unpaid gift as 待支付 with a way to cancel it, not as "剩 0/1 份 · — 送出"', async () => {
    render(<GiftsPage />);
    const row = await screen.findByTestId('gift-row-g-unpaid');
    expect(row.textContent).toContain('待支付');
    expect(row.textContent).not.toContain('剩');
    expect(row.textContent).not.toContain('送出');
    expect(screen.getByTestId('gift-row-g-sent').textContent).toContain('剩 1/1 份');

    fireEvent.click(screen.getByTestId('gift-cancel-g-unpaid'));
    await waitFor(() => expect(screen.queryByTestId('gift-row-g-unpaid')).toBeNull());
    expect(requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual(['/orders/o-unpaid/cancel']);
  });
});
