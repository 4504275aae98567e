import { ApiProperty } from '@nestjs/swagger';
import {
  GIFT_CARD_STATUSES,
  GIFT_CARD_THEMES,
  type GiftCardDesignFiguresView,
  type GiftCardDesignStatus,
  type GiftCardDesignView,
  type GiftCardPurchaseView,
  type GiftCardStatus,
  type GiftCardTheme,
  type GiftCardView,
  type WalletCardStatus,
  type WalletCardView,
} from '@giftshop/shared';
import { ApiTime, ApiTimeOrNull } from '../common/api-schema';

/** The response classes of the gift-card routes; each implements its view in @giftshop/shared. */

export class GiftCardDesignDto implements GiftCardDesignView {
  @ApiProperty() id!: string;
  @ApiProperty() shopId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: GIFT_CARD_THEMES }) theme!: GiftCardTheme;
  @ApiProperty() faceValueFen!: number;
  @ApiProperty() validDays!: number;
  @ApiProperty({ enum: ['active', 'ended'] }) status!: GiftCardDesignStatus;
  @ApiTime() createdAt!: string;
}

export class GiftCardDesignFiguresDto extends GiftCardDesignDto implements GiftCardDesignFiguresView {
  @ApiProperty({ description: 'Cards paid for' }) sold!: number;
  @ApiProperty() claimed!: number;
  @ApiProperty({ description: 'Refunded to the giver, unclaimed' }) refunded!: number;
  @ApiProperty({ description: 'Sent, not claimed yet' }) waiting!: number;
  @ApiProperty({ description: 'Face value of the claimed cards: the income' }) claimedFen!: number;
  @ApiProperty({ description: 'What orders took from them' }) redeemedFen!: number;
  @ApiProperty({ description: 'What is left on unexpired cards' }) outstandingFen!: number;
}

export class GiftCardPurchaseDto implements GiftCardPurchaseView {
  @ApiProperty({ description: 'The card (its id in the wallet once claimed)' }) id!: string;
  @ApiProperty({ description: 'Pay it with POST /api/orders/:orderId/pay' }) orderId!: string;
  @ApiProperty() totalFen!: number;
}

export class GiftCardDto implements GiftCardView {
  @ApiProperty() id!: string;
  @ApiProperty() orderId!: string;
  @ApiProperty() shopId!: string;
  @ApiProperty() shopName!: string;
  @ApiProperty() designId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: GIFT_CARD_THEMES }) theme!: GiftCardTheme;
  @ApiProperty() faceValueFen!: number;
  @ApiProperty() wishMessage!: string;
  @ApiProperty() giverId!: string;
  @ApiProperty() giverNickname!: string;
  @ApiProperty() chatId!: string;
  @ApiProperty() recipientId!: string;
  @ApiProperty({ enum: GIFT_CARD_STATUSES }) status!: GiftCardStatus;
  @ApiTimeOrNull() sentAt!: string | null;
  @ApiTimeOrNull() claimableUntil!: string | null;
  @ApiTimeOrNull() claimedAt!: string | null;
  @ApiTimeOrNull() expiresAt!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Its holder only' }) balanceFen!: number | null;
  @ApiProperty() canClaim!: boolean;
}

export class WalletCardDto implements WalletCardView {
  @ApiProperty() id!: string;
  @ApiProperty() shopId!: string;
  @ApiProperty() shopName!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: GIFT_CARD_THEMES }) theme!: GiftCardTheme;
  @ApiProperty() faceValueFen!: number;
  @ApiProperty() balanceFen!: number;
  @ApiTime() claimedAt!: string;
  @ApiTime() expiresAt!: string;
  @ApiProperty({ enum: ['active', 'used_up', 'expired'] }) status!: WalletCardStatus;
  @ApiProperty() giverNickname!: string;
}
