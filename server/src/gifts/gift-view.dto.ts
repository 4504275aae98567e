import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  GIFT_MODES,
  GIFT_STATUS_CODES,
  type ClaimResponse,
  type ClaimStatus,
  type CreatedGiftView,
  type FulfilmentView,
  type GiftClaimant,
  type GiftClaimSummary,
  type GiftMode,
  type GiftProductCard,
  type GiftView,
  type LotteryDrawView,
  type LotteryEntryView,
  type MyGiftClaim,
  type ShippingStatus,
} from '@giftshop/shared';
import { ApiSpecs, ApiStringOrNull, ApiTime, ApiTimeOrNull } from '../common/api-schema';
import { AddressViewDto } from '../orders/order-view.dto';

/** The response classes of the gift routes; each implements its view in @giftshop/shared. */

const CLAIM_STATUSES: ClaimStatus[] = ['accepted', 'shipped', 'delivered', 'completed', 'refunded'];
const SHIPPING_STATUSES: ShippingStatus[] = ['pending_shipment', 'shipped', 'delivered', 'refunded'];
const STATUS_CODES = [...new Set(Object.values(GIFT_STATUS_CODES))];

type Giver = GiftView['giver'];

export class CreatedGiftDto implements CreatedGiftView {
  @ApiProperty() id!: string;
  @ApiProperty() orderId!: string;
  @ApiProperty({ enum: STATUS_CODES, description: '0: created, unpaid' }) status!: number;
  @ApiProperty() totalFen!: number;
}

export class GiftProductCardDto implements GiftProductCard {
  @ApiProperty() productId!: string;
  @ApiProperty() title!: string;
  @ApiStringOrNull() imageUrl!: string | null;
  @ApiProperty() skuId!: string;
  @ApiSpecs() specs!: Record<string, string>;
  @ApiProperty() unitPriceFen!: number;
}

export class GiftClaimSummaryDto implements GiftClaimSummary {
  @ApiProperty() recipientId!: string;
  @ApiProperty() nickname!: string;
  @ApiTime() acceptedAt!: string;
  @ApiProperty({ enum: SHIPPING_STATUSES }) shippingStatus!: ShippingStatus;
}

export class GiftClaimantDto implements GiftClaimant {
  @ApiProperty() nickname!: string;
  @ApiTime() acceptedAt!: string;
}

export class MyGiftClaimDto implements MyGiftClaim {
  @ApiProperty() id!: string;
  @ApiProperty() skuId!: string;
  @ApiSpecs() specs!: Record<string, string>;
  @ApiProperty({ type: AddressViewDto }) address!: AddressViewDto;
  @ApiTime() acceptedAt!: string;
  @ApiProperty({ enum: CLAIM_STATUSES }) claimStatus!: ClaimStatus;
  @ApiProperty({ enum: SHIPPING_STATUSES }) shippingStatus!: ShippingStatus;
  @ApiStringOrNull() carrier!: string | null;
  @ApiStringOrNull() trackingNo!: string | null;
}

export class ClaimResultDto extends MyGiftClaimDto implements ClaimResponse {
  @ApiProperty() giftId!: string;
  @ApiProperty({ enum: [GIFT_STATUS_CODES.accepted], description: 'The platform code for an accepted claim' })
  status!: typeof GIFT_STATUS_CODES.accepted;
}

export class GiftGiverDto implements Giver {
  @ApiProperty() id!: string;
  @ApiProperty() nickname!: string;
}

export class GiftDto implements GiftView {
  @ApiProperty() id!: string;
  @ApiProperty() orderId!: string;
  @ApiProperty({ enum: ['giver', 'recipient', 'member'], description: 'Which view of the gift this is' })
  role!: GiftView['role'];
  @ApiProperty({ enum: GIFT_MODES }) mode!: GiftMode;
  @ApiProperty({ enum: STATUS_CODES, description: '0, 10, 20, 180, 181 or 250 (GIFT_STATUS_CODES)' }) status!: number;
  @ApiProperty() chatId!: string;
  @ApiProperty({ type: GiftGiverDto }) giver!: GiftGiverDto;
  @ApiProperty() wishMessage!: string;
  @ApiProperty({ type: GiftProductCardDto }) product!: GiftProductCardDto;
  @ApiProperty() units!: number;
  @ApiProperty() claimedUnits!: number;
  @ApiProperty() remainingUnits!: number;
  @ApiTimeOrNull() sentAt!: string | null;
  @ApiTimeOrNull() expiresAt!: string | null;
  @ApiTimeOrNull() drawAt!: string | null;
  @ApiTimeOrNull() drawnAt!: string | null;
  @ApiPropertyOptional({ type: [GiftClaimSummaryDto], description: 'Giver only: who accepted, without addresses' })
  claims?: GiftClaimSummaryDto[];
  @ApiPropertyOptional({ type: [GiftClaimantDto], description: 'Everyone: who got one and when, oldest first' })
  claimants?: GiftClaimantDto[];
  @ApiPropertyOptional() refundedUnits?: number;
  @ApiPropertyOptional({ type: MyGiftClaimDto, nullable: true, description: "The caller's own claim" })
  myClaim?: MyGiftClaimDto | null;
  @ApiPropertyOptional({ description: 'Lottery: whether the caller entered' }) entered?: boolean;
  @ApiPropertyOptional({
    type: Boolean,
    nullable: true,
    description: 'Lottery: whether the caller won (after the draw)',
  })
  won?: boolean | null;
  @ApiPropertyOptional() entrantCount?: number;
}

export class LotteryEntryDto implements LotteryEntryView {
  @ApiProperty() giftId!: string;
  @ApiProperty() userId!: string;
  @ApiTime() enteredAt!: string;
}

export class LotteryDrawDto implements LotteryDrawView {
  @ApiProperty() giftId!: string;
  @ApiProperty({ description: 'Recompute the winners with drawWinners from @giftshop/shared' }) seed!: string;
  @ApiProperty({ type: [String] }) entrantIds!: string[];
  @ApiProperty({ type: [String] }) winnerIds!: string[];
  @ApiProperty() units!: number;
  @ApiTime() drawnAt!: string;
}

export class FulfilmentDto implements FulfilmentView {
  @ApiProperty() id!: string;
  @ApiProperty() giftId!: string;
  @ApiProperty() orderId!: string;
  @ApiProperty() recipientId!: string;
  @ApiProperty() recipientNickname!: string;
  @ApiProperty() productId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() skuId!: string;
  @ApiSpecs() specs!: Record<string, string>;
  @ApiProperty({ type: AddressViewDto }) address!: AddressViewDto;
  @ApiProperty({ enum: CLAIM_STATUSES }) claimStatus!: ClaimStatus;
  @ApiTime() acceptedAt!: string;
  @ApiStringOrNull() carrier!: string | null;
  @ApiStringOrNull() trackingNo!: string | null;
  @ApiTimeOrNull() shippedAt!: string | null;
  @ApiTimeOrNull() deliveredAt!: string | null;
}
