import { ApiProperty } from '@nestjs/swagger';
import type {
  EarningStatus,
  EarningsTotals,
  EarningsView,
  EarningsWithdrawalView,
  EarningView,
  SharerRowView,
} from '@giftshop/shared';
import { ApiTime } from '../common/api-schema';

/** The response classes of the sharer routes; each implements its view in @giftshop/shared. */

export class EarningDto implements EarningView {
  @ApiProperty() orderId!: string;
  @ApiProperty() productId!: string;
  @ApiProperty() productTitle!: string;
  @ApiProperty({ description: 'Booked less reversed' }) amountFen!: number;
  @ApiProperty({ enum: ['pending', 'available', 'reversed'] }) status!: EarningStatus;
  @ApiTime() at!: string;
}

export class EarningsTotalsDto implements EarningsTotals {
  @ApiProperty() pendingFen!: number;
  @ApiProperty() availableFen!: number;
  @ApiProperty() withdrawnFen!: number;
}

export class EarningsDto implements EarningsView {
  @ApiProperty({ type: [EarningDto], description: 'One per order and product, newest first (at most 200)' })
  entries!: EarningDto[];
  @ApiProperty({ type: EarningsTotalsDto }) totals!: EarningsTotalsDto;
}

export class EarningsWithdrawalDto implements EarningsWithdrawalView {
  @ApiProperty() id!: string;
  @ApiProperty() amountFen!: number;
  @ApiTime() at!: string;
  @ApiProperty({ type: EarningsTotalsDto, description: 'After the withdrawal' }) totals!: EarningsTotalsDto;
}

export class SharerRowDto implements SharerRowView {
  @ApiProperty() sharerId!: string;
  @ApiProperty() nickname!: string;
  @ApiProperty() orders!: number;
  @ApiProperty({ description: 'What buyers paid for the shared products, freight excluded, net of refunds' })
  gmvFen!: number;
  @ApiProperty({ description: 'Commission booked less reversed' }) commissionFen!: number;
}
