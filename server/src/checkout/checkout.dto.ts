import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COUPON_RULES, type CouponType } from '@giftshop/shared';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
} from 'class-validator';

const COUPON_TYPES: CouponType[] = ['amount_off', 'percent_off'];

/** POST /api/shops/:shopId/coupons. The terms are checked together by `couponTermsProblem`. */
export class IssueCouponDto {
  @ApiProperty({ example: '满100减20' })
  @IsString()
  @Length(1, 40, { message: 'title must be 1 to 40 characters' })
  title!: string;

  @ApiProperty({ enum: COUPON_TYPES })
  @IsIn(COUPON_TYPES, { message: 'type must be amount_off or percent_off' })
  type!: CouponType;

  @ApiPropertyOptional({ description: 'amount_off only: fen off' })
  @IsOptional()
  @IsInt({ message: 'amountOffFen must be an integer number of fen' })
  @Min(1, { message: 'amountOffFen must be at least 1 fen' })
  @Max(COUPON_RULES.maxAmountFen, { message: `amountOffFen must be at most ${COUPON_RULES.maxAmountFen}` })
  amountOffFen?: number;

  @ApiPropertyOptional({ description: 'percent_off only: 1–8000 (1500 = 15% off, 8.5折)' })
  @IsOptional()
  @IsInt({ message: 'percentOffBps must be an integer' })
  @Min(1, { message: 'percentOffBps must be 1 to 8000' })
  @Max(COUPON_RULES.maxPercentOffBps, { message: 'percentOffBps must be 1 to 8000 (at most 80% off)' })
  percentOffBps?: number;

  @ApiProperty({ description: 'Goods of the coupon’s products before the discount, freight excluded' })
  @IsInt({ message: 'minSpendFen must be an integer number of fen' })
  @Min(0, { message: 'minSpendFen must be at least 0' })
  @Max(COUPON_RULES.maxAmountFen * 10, { message: 'minSpendFen is too large' })
  minSpendFen!: number;

  @ApiPropertyOptional({ description: 'percent_off only: the most it takes off' })
  @IsOptional()
  @IsInt({ message: 'maxDiscountFen must be an integer number of fen' })
  @Min(1, { message: 'maxDiscountFen must be at least 1 fen' })
  @Max(COUPON_RULES.maxAmountFen, { message: `maxDiscountFen must be at most ${COUPON_RULES.maxAmountFen}` })
  maxDiscountFen?: number;

  @ApiPropertyOptional({ type: [String], description: 'The shop’s products it applies to; omitted: all of them' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(COUPON_RULES.maxProducts)
  @IsUUID('all', { each: true, message: 'productIds must hold UUIDs' })
  productIds?: string[];

  @ApiProperty({ minimum: 1, maximum: COUPON_RULES.maxTotal, description: 'How many can ever be claimed' })
  @IsInt()
  @Min(1, { message: `total must be 1 to ${COUPON_RULES.maxTotal}` })
  @Max(COUPON_RULES.maxTotal, { message: `total must be 1 to ${COUPON_RULES.maxTotal}` })
  total!: number;

  @ApiProperty({ minimum: 1, maximum: COUPON_RULES.maxPerUserLimit })
  @IsInt()
  @Min(1, { message: `perUserLimit must be 1 to ${COUPON_RULES.maxPerUserLimit}` })
  @Max(COUPON_RULES.maxPerUserLimit, { message: `perUserLimit must be 1 to ${COUPON_RULES.maxPerUserLimit}` })
  perUserLimit!: number;

  @ApiProperty({ description: 'Claims close then (ISO 8601, in the future)' })
  @IsISO8601({ strict: true }, { message: 'claimEndsAt must be an ISO 8601 time' })
  claimEndsAt!: string;

  @ApiProperty({
    minimum: 1,
    maximum: COUPON_RULES.maxValidDays,
    description: 'A claimed coupon is valid this many days',
  })
  @IsInt()
  @Min(1, { message: `validDays must be 1 to ${COUPON_RULES.maxValidDays}` })
  @Max(COUPON_RULES.maxValidDays, { message: `validDays must be 1 to ${COUPON_RULES.maxValidDays}` })
  validDays!: number;
}

export class EndDto {
  @ApiProperty({ enum: ['ended'], description: 'Stops new claims (or purchases); what was claimed stays usable' })
  @IsIn(['ended'], { message: 'status must be ended' })
  status!: 'ended';
}

export class ListCouponsQuery {
  @ApiPropertyOptional({ enum: ['all'], description: 'The owner: every coupon with its figures' })
  @IsOptional()
  @IsIn(['all'], { message: 'scope must be all' })
  scope?: 'all';
}

export class MyCouponsQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'shopId must be a UUID' })
  shopId?: string;
}
