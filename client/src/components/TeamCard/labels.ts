import {
  formatFen,
  joinVerdict,
  type GroupDealView,
  type OrderView,
  type TeamStatus,
  type TeamView,
} from '@giftshop/shared';
import { translate } from '../../i18n';
import { timeLeft } from '../../i18n/labels';

/** 拼团中, 已成团 … */
export function teamStatusLabel(status: TeamStatus): string {
  return translate(`teamStatus.${status}`);
}

/** The product's 发起拼团 line: the lowest group price and the team size, "¥39.00 起 · 3人团". */
export function dealPriceText(deal: Pick<GroupDealView, 'skus' | 'groupSize'>): string {
  const lowest = Math.min(...deal.skus.map((s) => s.groupPriceFen));
  return translate('groupBuy.from', { price: formatFen(lowest), n: deal.groupSize });
}

/** Paid members still needed for the team to form. */
export function membersNeeded(team: Pick<TeamView, 'groupSize' | 'paidCount'>): number {
  return Math.max(0, team.groupSize - team.paidCount);
}

/**
 * Where the team stands, in one line: how many more must pay and how many seats are free while
 * it is open (an unpaid join holds a seat, so the two differ), else how it ended.
 */
export function seatsText(team: Pick<TeamView, 'status' | 'groupSize' | 'paidCount' | 'seatsLeft'>): string {
  switch (team.status) {
    case 'forming':
      return translate('team.formingText');
    case 'open': {
      const need = membersNeeded(team);
      return team.seatsLeft > 0
        ? translate('team.need', { need, seats: team.seatsLeft })
        : translate('team.waitingPay', { need });
    }
    case 'formed':
      return translate('team.formedText', { n: team.groupSize });
    case 'failed':
      return translate('team.failedText');
    case 'cancelled':
      return translate('team.cancelledText');
  }
}

/** The countdown to an open team's deadline ("还剩 23:59:58"), or null when there is none to show. */
export function teamCountdown(team: Pick<TeamView, 'status' | 'expiresAt'>, now: number): string | null {
  if (team.status !== 'open' || !team.expiresAt) return null;
  const left = timeLeft(team.expiresAt, now);
  return left ? translate('team.countdown', { left }) : translate('team.deadlinePassed');
}

/** A buyer's order of a team: 拼团中 until it forms, 已成团, or 拼团失败·已退款. */
export function orderTeamLabel(groupBuy: NonNullable<OrderView['groupBuy']>): string {
  return groupBuy.status === 'failed' ? translate('team.orderFailed') : teamStatusLabel(groupBuy.status);
}

/**
 * Whether `userId` may take a seat now, by the server's own rule (shared `joinVerdict`); the seats
 * held by unpaid orders are what the size leaves after the paid and the free ones.
 */
export function joinCheck(team: TeamView, userId: string | undefined, now: Date) {
  const held = team.groupSize - team.paidCount - team.seatsLeft;
  return joinVerdict(
    {
      status: team.status,
      groupSize: team.groupSize,
      paid: team.paidCount,
      held,
      expiresAt: team.expiresAt ? new Date(team.expiresAt) : null,
    },
    { inTeam: team.members.some((m) => m.userId === userId) },
    now,
  );
}
