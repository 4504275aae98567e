import type { LedgerTotals } from '@giftshop/shared';

/**
 * The ledger's identity, checked on screen: what buyers paid, less refunds, service fees and the
 * sharers' commissions, is all the merchant's money — pending, available or withdrawn.
 */
export function ledgerBalanced(x: LedgerTotals): boolean {
  return x.paidFen - x.refundedFen - x.feeFen - x.commissionFen === x.pendingFen + x.availableFen + x.withdrawnFen;
}
