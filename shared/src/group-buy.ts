import type { TransitionTable } from './state-machine';

/**
 * 社群拼团 (group buying). A merchant runs a deal on a product (a group price per SKU, a team size,
 * a window); a shopper opens a team by paying at the group price and shares it into a chat;
 * others join by paying. The team forms the moment its paid members reach the size; one not
 * formed by its deadline fails and every paid member is refunded in full.
 */
export const GROUP_BUY_RULES = {
  minGroupSize: 2,
  maxGroupSize: 50,
  minWindowHours: 1,
  maxWindowHours: 48,
  defaultWindowHours: 24,
} as const;

export type GroupDealStatus = 'active' | 'ended';

/**
 * A team's life:
 *   forming → open (the leader paid) → formed (paid members reached the size)
 *   forming → cancelled (the leader's order was cancelled unpaid)
 *   open → failed (the deadline passed before it formed: every paid member refunded)
 */
export type TeamStatus = 'forming' | 'open' | 'formed' | 'failed' | 'cancelled';
export type TeamAction = 'open' | 'form' | 'fail' | 'cancel';

export const TEAM_TRANSITIONS: TransitionTable<TeamStatus, TeamAction> = {
  open: { from: ['forming'], to: 'open' },
  form: { from: ['open'], to: 'formed' },
  fail: { from: ['open'], to: 'failed' },
  cancel: { from: ['forming'], to: 'cancelled' },
};

/** A seat: held by an unpaid order, paid with it, released when that order is cancelled unpaid. */
export type SeatStatus = 'held' | 'paid' | 'released';

/** What a team has, for the pure rules below. */
export interface TeamFacts {
  status: TeamStatus;
  groupSize: number;
  /** Seats of paid orders. */
  paid: number;
  /** Seats of unpaid orders not yet cancelled. */
  held: number;
  /** The deadline, set when the leader pays; null while forming. */
  expiresAt: Date | null;
}

/** Seats nobody holds or has paid: what a new member may take. */
export function seatsLeft(team: Pick<TeamFacts, 'groupSize' | 'paid' | 'held'>): number {
  return Math.max(0, team.groupSize - team.paid - team.held);
}

export type JoinRefusal =
  | { code: 'TEAM_NOT_OPEN'; message: string }
  | { code: 'TEAM_CLOSED'; message: string }
  | { code: 'TEAM_FULL'; message: string }
  | { code: 'ALREADY_IN_TEAM'; message: string };

/**
 * Whether someone may take a seat now. The server asks this under the team's lock; a seat taken
 * is the race's end (the same rule, not a later check at payment).
 */
export function joinVerdict(
  team: TeamFacts,
  caller: { inTeam: boolean },
  now: Date,
): { ok: true } | ({ ok: false } & JoinRefusal) {
  if (team.status === 'forming') {
    return { ok: false, code: 'TEAM_NOT_OPEN', message: 'the team is not open yet: its leader has not paid' };
  }
  if (team.status !== 'open' || (team.expiresAt !== null && now >= team.expiresAt)) {
    const why = team.status === 'open' ? 'past its deadline' : team.status;
    return { ok: false, code: 'TEAM_CLOSED', message: `the team is closed (${why})` };
  }
  if (caller.inTeam) return { ok: false, code: 'ALREADY_IN_TEAM', message: 'you already have a seat in this team' };
  if (seatsLeft(team) === 0) return { ok: false, code: 'TEAM_FULL', message: 'every seat is paid or held' };
  return { ok: true };
}

/** A team forms the moment its paid members reach its size (never later, never with more). */
export function formsNow(team: Pick<TeamFacts, 'status' | 'groupSize' | 'paid'>): boolean {
  return team.status === 'open' && team.paid === team.groupSize;
}

/** A seat may be paid while its team is forming (the leader's) or open and before its deadline. */
export function seatPayable(team: Pick<TeamFacts, 'status' | 'expiresAt'>, now: Date): boolean {
  if (team.status === 'forming') return true;
  return team.status === 'open' && team.expiresAt !== null && now < team.expiresAt;
}
