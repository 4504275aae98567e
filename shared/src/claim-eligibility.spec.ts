import fc from 'fast-check';
import {
  CLAIM_REFUSALS,
  claimEligibility,
  type ClaimCallerFacts,
  type ClaimEligibilityInput,
  type ClaimGiftFacts,
  declineEligibility,
} from './claim-eligibility';
import { GIFT_STATUS_CODES } from './gifts';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const DEADLINE = new Date('2026-03-02T12:00:00.000Z');

/** A first-come gift Bob may claim; each test changes one fact. */
function input(
  gift: Partial<ClaimGiftFacts> = {},
  caller: Partial<ClaimCallerFacts> = {},
  now: Date | null = NOW,
): ClaimEligibilityInput {
  return {
    gift: { mode: 'first_come', status: 10, expiresAt: DEADLINE, drawnAt: null, hasOpenUnit: true, ...gift },
    caller: { isMember: true, isGiver: false, hasClaimed: false, won: null, ...caller },
    now,
  };
}

const codeOf = (i: ClaimEligibilityInput) => {
  const verdict = claimEligibility(i);
  return verdict.ok ? 'ok' : verdict.code;
};

describe('claimEligibility: the answers, in the API words', () => {
  it.each([
    [input({}, { isMember: false }), 'GIFT_NOT_FOUND', 'gift not found'],
    [input({}, { isGiver: true }), 'GIVER_CANNOT_CLAIM', 'the giver cannot claim their own gift'],
    [input({ status: 180 }), 'GIFT_EXPIRED', 'this gift has expired'],
    [input({ status: 20 }), 'ALL_CLAIMED', 'all claimed: every unit of this gift has been accepted'],
    [input({ mode: 'lottery' }), 'DRAW_PENDING', 'the lottery has not been drawn yet'],
    [input({ mode: 'lottery', drawnAt: NOW }), 'NOT_A_WINNER', 'only the lottery winners can claim this gift'],
    [input({}, { hasClaimed: true }), 'ALREADY_CLAIMED', 'you have already claimed this gift'],
    [input({ hasOpenUnit: false }), 'ALL_CLAIMED', 'all claimed: every unit of this gift has been taken'],
  ])('%#: %p → %s', (facts, code, reason) => {
    expect(claimEligibility(facts)).toEqual({ ok: false, code, reason });
  });

  it('lets a member claim an open unit of a sent gift before its deadline', () => {
    expect(claimEligibility(input())).toEqual({ ok: true });
  });

  it('hands out answers nobody can change for the next caller', () => {
    const verdict = claimEligibility(input({}, { hasClaimed: true }));
    expect(Object.isFrozen(verdict)).toBe(true);
    expect(Object.isFrozen(CLAIM_REFUSALS.alreadyClaimed)).toBe(true);
  });
});

describe('claimEligibility: the gift is hidden', () => {
  it.each([
    ['from a non-member', input({}, { isMember: false })],
    ['while unpaid', input({ status: GIFT_STATUS_CODES.pending_payment })],
    ['once cancelled', input({ status: GIFT_STATUS_CODES.cancelled })],
    ['from a non-member even when it is all claimed', input({ status: 20 }, { isMember: false })],
    ['from its giver while unpaid (404 before 403)', input({ status: 0 }, { isGiver: true })],
  ])('%s', (_what, facts) => {
    expect(codeOf(facts)).toBe('GIFT_NOT_FOUND');
  });
});

describe('claimEligibility: the claim deadline', () => {
  it.each([
    ['expired', GIFT_STATUS_CODES.expired],
    ['expired and refunded', GIFT_STATUS_CODES.expired_refunded],
  ])('refuses a gift whose status is %s', (_what, status) => {
    expect(codeOf(input({ status }))).toBe('GIFT_EXPIRED');
  });

  it('refuses at the deadline itself and after it, though the status still says sent', () => {
    expect(codeOf(input({}, {}, DEADLINE))).toBe('GIFT_EXPIRED');
    expect(codeOf(input({}, {}, new Date(DEADLINE.getTime() + 1)))).toBe('GIFT_EXPIRED');
  });

  it('allows a claim one millisecond before the deadline', () => {
    expect(codeOf(input({}, {}, new Date(DEADLINE.getTime() - 1)))).toBe('ok');
  });

  it('reads a deadline given as the API string', () => {
    expect(codeOf(input({ expiresAt: DEADLINE.toISOString() }, {}, DEADLINE))).toBe('GIFT_EXPIRED');
    expect(codeOf(input({ expiresAt: DEADLINE.toISOString() }))).toBe('ok');
  });

  it('without a clock (the client), leaves the deadline to the status', () => {
    expect(codeOf(input({}, {}, null))).toBe('ok');
    expect(codeOf(input({ status: 180 }, {}, null))).toBe('GIFT_EXPIRED');
  });

  it('without a deadline, does not call the gift expired', () => {
    expect(codeOf(input({ expiresAt: null }, {}, new Date('2099-01-01')))).toBe('ok');
  });

  it('says expired rather than all claimed when both hold', () => {
    expect(codeOf(input({ status: 20 }, {}, DEADLINE))).toBe('GIFT_EXPIRED');
  });

  it('tells the giver they cannot claim, even after the deadline', () => {
    expect(codeOf(input({ status: 180 }, { isGiver: true }))).toBe('GIVER_CANNOT_CLAIM');
  });
});

describe('claimEligibility: lottery gifts', () => {
  const lottery = (drawnAt: Date | null, won: boolean | null, more: Partial<ClaimCallerFacts> = {}) =>
    input({ mode: 'lottery', drawnAt }, { won, ...more });

  it('refuses everyone before the draw', () => {
    expect(codeOf(lottery(null, null))).toBe('DRAW_PENDING');
  });

  it('refuses an entrant who lost and a member who never entered', () => {
    expect(codeOf(lottery(NOW, false))).toBe('NOT_A_WINNER');
    expect(codeOf(lottery(NOW, null))).toBe('NOT_A_WINNER');
  });

  it('lets a winner claim', () => {
    expect(codeOf(lottery(NOW, true))).toBe('ok');
    expect(codeOf(input({ mode: 'lottery', drawnAt: NOW.toISOString() }, { won: true }))).toBe('ok');
  });

  it('says a winner who claimed already so, and a winner with nothing left all claimed', () => {
    expect(codeOf(lottery(NOW, true, { hasClaimed: true }))).toBe('ALREADY_CLAIMED');
    expect(codeOf(input({ mode: 'lottery', drawnAt: NOW, hasOpenUnit: false }, { won: true }))).toBe('ALL_CLAIMED');
  });

  it('answers the draw and the win before an earlier claim', () => {
    expect(codeOf(lottery(null, null, { hasClaimed: true }))).toBe('DRAW_PENDING');
    expect(codeOf(lottery(NOW, false, { hasClaimed: true }))).toBe('NOT_A_WINNER');
  });

  it.each([['single' as const], ['first_come' as const]])('ignores draws and wins for a %s gift', (mode) => {
    expect(codeOf(input({ mode, drawnAt: null }, { won: false }))).toBe('ok');
  });
});

describe('claimEligibility: one unit each, while units last', () => {
  it('says already claimed before all taken', () => {
    expect(codeOf(input({ hasOpenUnit: false }, { hasClaimed: true }))).toBe('ALREADY_CLAIMED');
  });

  it('says all claimed (accepted) for a settled gift before already claimed', () => {
    expect(claimEligibility(input({ status: 20, hasOpenUnit: false }, { hasClaimed: true }))).toBe(
      CLAIM_REFUSALS.allAccepted,
    );
  });

  it('says all taken when no unit is open though the status is still sent', () => {
    expect(claimEligibility(input({ hasOpenUnit: false }))).toBe(CLAIM_REFUSALS.allTaken);
  });
});

describe('claimEligibility: statuses it does not know', () => {
  it.each([[-1], [11], [999], [NaN]])('throws a RangeError for status %p instead of guessing', (status) => {
    expect(() => claimEligibility(input({ status }))).toThrow(RangeError);
  });
});

describe('claimEligibility: allows a claim exactly when every condition holds (property)', () => {
  it('matches the rule written out as one conjunction', () => {
    const statuses = Object.values(GIFT_STATUS_CODES);
    fc.assert(
      fc.property(
        fc.record({
          mode: fc.constantFrom('single' as const, 'first_come' as const, 'lottery' as const),
          status: fc.constantFrom(...statuses),
          expiresAt: fc.option(fc.integer({ min: -5, max: 5 }), { nil: null }),
          drawn: fc.boolean(),
          hasOpenUnit: fc.boolean(),
          isMember: fc.boolean(),
          isGiver: fc.boolean(),
          hasClaimed: fc.boolean(),
          won: fc.option(fc.boolean(), { nil: null }),
          clock: fc.boolean(),
        }),
        (f) => {
          const at = (offset: number) => new Date(NOW.getTime() + offset);
          const verdict = claimEligibility({
            gift: {
              mode: f.mode,
              status: f.status,
              expiresAt: f.expiresAt === null ? null : at(f.expiresAt),
              drawnAt: f.drawn ? NOW : null,
              hasOpenUnit: f.hasOpenUnit,
            },
            caller: { isMember: f.isMember, isGiver: f.isGiver, hasClaimed: f.hasClaimed, won: f.won },
            now: f.clock ? NOW : null,
          });
          const beforeDeadline = !f.clock || f.expiresAt === null || f.expiresAt > 0;
          const mayClaim =
            f.isMember &&
            !f.isGiver &&
            f.status === GIFT_STATUS_CODES.sent &&
            beforeDeadline &&
            (f.mode !== 'lottery' || (f.drawn && f.won === true)) &&
            !f.hasClaimed &&
            f.hasOpenUnit;
          expect(verdict.ok).toBe(mayClaim);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('declineEligibility', () => {
  const decline = (status: number, caller: Partial<ClaimCallerFacts> = {}, now: Date | null = NOW) =>
    declineEligibility({
      gift: { status, expiresAt: DEADLINE },
      caller: { isMember: true, isGiver: false, hasClaimed: false, ...caller },
      now,
    });

  it('lets the recipient decline a sent gift before its deadline', () => {
    expect(decline(10)).toEqual({ ok: true });
  });

  it('refuses once the recipient has accepted, in its own words', () => {
    expect(decline(10, { hasClaimed: true })).toEqual({
      ok: false,
      code: 'ALREADY_CLAIMED',
      reason: 'you have already accepted this gift',
    });
  });

  it('says all claimed (accepted) for a settled gift, before already accepted', () => {
    expect(decline(20, { hasClaimed: true })).toBe(CLAIM_REFUSALS.allAccepted);
  });

  it.each([
    ['the status is expired', 180, NOW],
    ['the status is expired and refunded', 181, NOW],
    ['the deadline has come', 10, DEADLINE],
  ])('refuses when %s', (_what, status, now) => {
    expect(decline(status, {}, now)).toBe(CLAIM_REFUSALS.expired);
  });

  it('hides the gift from non-members and while unpaid or cancelled, and refuses the giver', () => {
    expect(decline(10, { isMember: false })).toBe(CLAIM_REFUSALS.notFound);
    expect(decline(0)).toBe(CLAIM_REFUSALS.notFound);
    expect(decline(250)).toBe(CLAIM_REFUSALS.notFound);
    expect(decline(10, { isGiver: true })).toBe(CLAIM_REFUSALS.giver);
  });

  it('throws for a status it does not know', () => {
    expect(() => decline(42)).toThrow(RangeError);
  });
});
