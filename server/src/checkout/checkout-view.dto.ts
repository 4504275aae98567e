import { ApiProperty } from '@nestjs/swagger';
import type {
  CouponFiguresView,
  CouponStatus,
  CouponType,
  CouponView,
  UserCouponStatus,
  UserCouponView,
} from '@giftshop/shared';
import { ApiStringOrNull, ApiTime } from '../common/api-schema';

/** The response classes of the coupon routes; each implements its view in @giftshop/shared. */

const TYPES: CouponType[] = ['amount_off', 'percent_off'];
const NUMBER_OR_NULL = { type: 'integer', nullable: true } as const;

class CouponTermsDto {
  @ApiProperty({ enum: TYPES }) type!: CouponType;
  @ApiProperty(NUMBER_OR_NULL) amountOffFen!: number | null;
  @ApiProperty(NUMBER_OR_NULL) percentOffBps!: number | null;
  @ApiProperty() minSpendFen!: number;
  @ApiProperty(NUMBER_OR_NULL) maxDiscountFen!: number | null;
  @ApiProperty({ type: [String], nullable: true, description: 'null: every product of the shop' })
  productIds!: string[] | null;
}

export class CouponDto extends CouponTermsDto implements CouponView {
  @ApiProperty() id!: string;
  @ApiProperty() shopId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() total!: number;
  @ApiProperty() claimed!: number;
  @ApiProperty() perUserLimit!: number;
  @ApiTime() claimEndsAt!: string;
  @ApiProperty() validDays!: number;
  @ApiProperty({ enum: ['active', 'ended'] }) status!: CouponStatus;
  @ApiTime() createdAt!: string;
  @ApiProperty({ description: 'How many of it the caller has claimed (0 when not signed in)' }) claimedByMe!: number;
}

export class CouponFiguresDto extends CouponDto implements CouponFiguresView {
  @ApiProperty({ description: 'Held by unpaid orders' }) held!: number;
  @ApiProperty({ description: 'Used on paid orders' }) used!: number;
  @ApiProperty({ description: 'What the used ones took off' }) discountFen!: number;
}

export class UserCouponDto extends CouponTermsDto implements UserCouponView {
  @ApiProperty() id!: string;
  @ApiProperty() couponId!: string;
  @ApiProperty() shopId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['unused', 'held', 'used', 'expired'] }) status!: UserCouponStatus;
  @ApiTime() claimedAt!: string;
  @ApiTime() expiresAt!: string;
  @ApiStringOrNull('The order holding or having used it') orderId!: string | null;
}
