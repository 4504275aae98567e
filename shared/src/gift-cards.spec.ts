import { applyGiftCards, GIFT_CARD_TRANSITIONS, walletCardStatus } from './gift-cards';
import { canTransition } from './state-machine';

describe('applyGiftCards', () => {
  it('takes from each card in turn, each at most its balance, until nothing is due', () => {
    expect(
      applyGiftCards(25_000, [
        { id: 'a', balanceFen: 20_000 },
        { id: 'b', balanceFen: 10_000 },
        { id: 'c', balanceFen: 5_000 },
      ]),
    ).toEqual([
      { id: 'a', amountFen: 20_000 },
      { id: 'b', amountFen: 5_000 },
      { id: 'c', amountFen: 0 },
    ]);
  });

  it('lets a card with nothing left pay nothing, and refuses a negative balance', () => {
    expect(applyGiftCards(100, [{ id: 'a', balanceFen: 0 }])).toEqual([{ id: 'a', amountFen: 0 }]);
    expect(() => applyGiftCards(100, [{ id: 'a', balanceFen: -1 }])).toThrow(RangeError);
  });
});

describe('a card’s life', () => {
  it('is claimed or refunded only once sent, and cancelled only before', () => {
    expect(canTransition(GIFT_CARD_TRANSITIONS, 'sent', 'claim')).toBe(true);
    expect(canTransition(GIFT_CARD_TRANSITIONS, 'claimed', 'refund')).toBe(false);
    expect(canTransition(GIFT_CARD_TRANSITIONS, 'refunded', 'claim')).toBe(false);
    expect(canTransition(GIFT_CARD_TRANSITIONS, 'sent', 'cancel')).toBe(false);
  });

  it('shows a wallet card as expired from its expiry on, used up at zero', () => {
    const expiresAt = new Date('2027-01-01T00:00:00Z');
    expect(walletCardStatus({ balanceFen: 1, expiresAt }, new Date('2026-12-31T23:59:59.999Z'))).toBe('active');
    expect(walletCardStatus({ balanceFen: 0, expiresAt }, new Date('2026-12-31'))).toBe('used_up');
    expect(walletCardStatus({ balanceFen: 5, expiresAt }, expiresAt)).toBe('expired');
  });
});
