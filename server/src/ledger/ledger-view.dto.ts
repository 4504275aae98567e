import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEntryType, LedgerEntryView, LedgerTotals, LedgerView, WithdrawalView } from '@giftshop/shared';
import { ApiStringOrNull, ApiTime, ApiTimeOrNull } from '../common/api-schema';

/** The response classes of the ledger routes; each implements its view in @giftshop/shared. */

const ENTRY_TYPES: LedgerEntryType[] = [
  'income',
  'fee',
  'refund',
  'fee_reversal',
  'commission',
  'commission_reversal',
  'withdrawal',
  'card_redemption',
];

export class LedgerEntryDto implements LedgerEntryView {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: ENTRY_TYPES }) type!: LedgerEntryType;
  @ApiStringOrNull() orderId!: string | null;
  @ApiStringOrNull('The gift unit the entry belongs to') unitId!: string | null;
  @ApiProperty({ description: 'Signed: income and reversals are positive' }) amountFen!: number;
  @ApiTime() at!: string;
  @ApiTimeOrNull('When the entry became available (null while pending)') releasedAt!: string | null;
}

export class LedgerTotalsDto implements LedgerTotals {
  @ApiProperty() paidFen!: number;
  @ApiProperty() refundedFen!: number;
  @ApiProperty({ description: 'Fees charged less fees reversed' }) feeFen!: number;
  @ApiProperty({ description: "Sharers' commissions booked less those reversed" }) commissionFen!: number;
  @ApiProperty() pendingFen!: number;
  @ApiProperty() availableFen!: number;
  @ApiProperty() withdrawnFen!: number;
}

export class LedgerDto implements LedgerView {
  @ApiProperty({ type: [LedgerEntryDto], description: 'One page, newest first' }) entries!: LedgerEntryDto[];
  @ApiProperty({ description: 'How many entries the shop has in all' }) total!: number;
  @ApiProperty({ type: LedgerTotalsDto }) totals!: LedgerTotalsDto;
}

export class WithdrawalDto implements WithdrawalView {
  @ApiProperty() id!: number;
  @ApiProperty() amountFen!: number;
  @ApiTime() at!: string;
  @ApiProperty({ type: LedgerTotalsDto, description: 'After the withdrawal' }) totals!: LedgerTotalsDto;
}
