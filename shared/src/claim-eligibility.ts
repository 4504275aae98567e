import { GIFT_STATUS_CODES, type GiftMode, type GiftState } from './gifts';

/**
 * Whether a chat member may claim a unit of a gift (or decline a single gift), and if not, what
 * to tell them. The server enforces it (its claim statement repeats the test atomically, and this
 * explains a claim that took nothing); the client uses it to choose what the recipient sees.
 */
export type ClaimRefusalCode =
  | 'GIFT_NOT_FOUND'
  | 'GIVER_CANNOT_CLAIM'
  | 'GIFT_EXPIRED'
  | 'ALL_CLAIMED'
  | 'DRAW_PENDING'
  | 'NOT_A_WINNER'
  | 'ALREADY_CLAIMED';

export interface ClaimRefusal {
  ok: false;
  code: ClaimRefusalCode;
  reason: string;
}

export type ClaimEligibility = { ok: true } | ClaimRefusal;

/** Every answer a refused claim or decline can get, in the API's words. */
export const CLAIM_REFUSALS = {
  /** Not a member of the gift's chat, or the gift was never sent: the gift is hidden. */
  notFound: refusal('GIFT_NOT_FOUND', 'gift not found'),
  giver: refusal('GIVER_CANNOT_CLAIM', 'the giver cannot claim their own gift'),
  expired: refusal('GIFT_EXPIRED', 'this gift has expired'),
  /** The gift's status says every unit was accepted. */
  allAccepted: refusal('ALL_CLAIMED', 'all claimed: every unit of this gift has been accepted'),
  drawPending: refusal('DRAW_PENDING', 'the lottery has not been drawn yet'),
  notAWinner: refusal('NOT_A_WINNER', 'only the lottery winners can claim this gift'),
  alreadyClaimed: refusal('ALREADY_CLAIMED', 'you have already claimed this gift'),
  /** A decline after the caller's own claim. */
  alreadyAccepted: refusal('ALREADY_CLAIMED', 'you have already accepted this gift'),
  /** No unit is open, though the status has not caught up yet (or another claimer holds the last). */
  allTaken: refusal('ALL_CLAIMED', 'all claimed: every unit of this gift has been taken'),
} as const satisfies Record<string, ClaimRefusal>;

/** What the rule needs to know of the gift. */
export interface ClaimGiftFacts {
  mode: GiftMode;
  /** The gift's numeric status (GIFT_STATUS_CODES). */
  status: number;
  expiresAt: Date | string | null;
  drawnAt: Date | string | null;
  /** Whether at least one unit is still open. */
  hasOpenUnit: boolean;
}

/** What the rule needs to know of the caller. */
export interface ClaimCallerFacts {
  isMember: boolean;
  isGiver: boolean;
  hasClaimed: boolean;
  /** Lottery: whether the caller's entry won; null when they did not enter or before the draw. */
  won: boolean | null;
}

export interface ClaimEligibilityInput {
  gift: ClaimGiftFacts;
  caller: ClaimCallerFacts;
  /**
   * The server's clock. null where the clock cannot be trusted (a phone's): then only the gift's
   * status says whether it expired, and a claim after the deadline is refused by the server.
   */
  now: Date | null;
}

/**
 * May the caller claim a unit? The checks run in the order the API has always answered them: the
 * gift is hidden (404), the caller is the giver (403), the gift expired or was all accepted, the
 * lottery is not drawn or the caller did not win, the caller claimed already, no unit is open.
 */
export function claimEligibility({ gift, caller, now }: ClaimEligibilityInput): ClaimEligibility {
  const closed = sentGiftRefusal(gift, caller, now);
  if (closed) return closed;
  if (gift.mode === 'lottery') {
    if (!gift.drawnAt) return CLAIM_REFUSALS.drawPending;
    if (!caller.won) return CLAIM_REFUSALS.notAWinner;
  }
  if (caller.hasClaimed) return CLAIM_REFUSALS.alreadyClaimed;
  if (!gift.hasOpenUnit) return CLAIM_REFUSALS.allTaken;
  return { ok: true };
}

/**
 * May the caller decline a single gift (which refunds it to the giver)? As for a claim, but a
 * decline takes no unit, and it is refused once the caller has accepted.
 */
export function declineEligibility({
  gift,
  caller,
  now,
}: {
  gift: Pick<ClaimGiftFacts, 'status' | 'expiresAt'>;
  caller: Pick<ClaimCallerFacts, 'isMember' | 'isGiver' | 'hasClaimed'>;
  now: Date | null;
}): ClaimEligibility {
  const closed = sentGiftRefusal(gift, caller, now);
  if (closed) return closed;
  if (caller.hasClaimed) return CLAIM_REFUSALS.alreadyAccepted;
  return { ok: true };
}

const STATE_BY_CODE = new Map<number, GiftState>(
  Object.entries(GIFT_STATUS_CODES).map(([state, code]) => [code, state as GiftState]),
);

/** The checks a claim and a decline share: the gift is visible, not the caller's own, still open. */
function sentGiftRefusal(
  gift: Pick<ClaimGiftFacts, 'status' | 'expiresAt'>,
  caller: Pick<ClaimCallerFacts, 'isMember' | 'isGiver'>,
  now: Date | null,
): ClaimRefusal | null {
  const state = STATE_BY_CODE.get(gift.status);
  if (!state) throw new RangeError(`claimEligibility: unknown gift status ${gift.status}`);
  if (!caller.isMember || state === 'pending_payment' || state === 'cancelled') return CLAIM_REFUSALS.notFound;
  if (caller.isGiver) return CLAIM_REFUSALS.giver;
  const pastDeadline = now !== null && gift.expiresAt !== null && now.getTime() >= new Date(gift.expiresAt).getTime();
  if (state === 'expired' || state === 'expired_refunded' || pastDeadline) return CLAIM_REFUSALS.expired;
  if (state === 'accepted') return CLAIM_REFUSALS.allAccepted;
  return null;
}

function refusal(code: ClaimRefusalCode, reason: string): ClaimRefusal {
  return Object.freeze({ ok: false, code, reason });
}
