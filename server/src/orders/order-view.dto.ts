import { ApiProperty } from '@nestjs/swagger';
import {
  AFTER_SALE_STATUSES,
  ORDER_STATUSES,
  SCENE_CODES,
  type AfterSaleView,
  type AddressView,
  type Domain,
  GIFT_CARD_STATUSES,
  type GiftCardStatus,
  type GiftOrderUnits,
  type OrderItemView,
  type OrderQuote,
  type OrderStatus,
  type OrderView,
  type Page,
  type PayResponse,
  type PlacedOrderView,
  type QuoteCouponOption,
  type Scene,
} from '@giftshop/shared';
import { ApiObjectOrNull, ApiSpecs, ApiStringOrNull, ApiTime, ApiTimeOrNull } from '../common/api-schema';

/** The response classes of the order routes; each implements its view in @giftshop/shared. */

type QuoteLine = OrderQuote['lines'][number];
type PaymentRef = NonNullable<PayResponse['payment']>;
type CardPart = OrderView['giftCards'][number];
type OrderGiftCard = NonNullable<OrderView['giftCard']>;
type OrderPayment = NonNullable<OrderView['payment']>;
type FollowOffer = NonNullable<PlacedOrderView['followOffer']>;

export class AddressViewDto implements AddressView {
  @ApiProperty({ example: '爱丽丝' }) name!: string;
  @ApiProperty({ example: '13800138000' }) phone!: string;
  @ApiProperty({ example: '浙江省 杭州市 西湖区' }) region!: string;
  @ApiProperty({ example: '龙井路 1 号' }) detail!: string;
}

export class OrderItemViewDto implements OrderItemView {
  @ApiProperty() skuId!: string;
  @ApiProperty() productId!: string;
  @ApiProperty() title!: string;
  @ApiSpecs() specs!: Record<string, string>;
  @ApiProperty() unitPriceFen!: number;
  @ApiProperty() quantity!: number;
  @ApiProperty({ description: 'What the line pays (its share of the goods after any discount)' }) paidFen!: number;
}

export class OrderAfterSaleDto implements AfterSaleView {
  @ApiProperty() id!: string;
  @ApiProperty() orderId!: string;
  @ApiProperty({ enum: ['refund', 'return'] }) type!: AfterSaleView['type'];
  @ApiProperty({ enum: AFTER_SALE_STATUSES }) status!: AfterSaleView['status'];
  @ApiProperty() reason!: string;
  @ApiTime() createdAt!: string;
  @ApiTimeOrNull() resolvedAt!: string | null;
  @ApiProperty({ description: 'The case still freezes the order' }) open!: boolean;
}

export class OrderPaymentDto implements OrderPayment {
  @ApiProperty() id!: string;
  @ApiStringOrNull() transactionId!: string | null;
  @ApiProperty({ enum: ['pending', 'succeeded'] }) status!: 'pending' | 'succeeded';
}

export class GiftOrderUnitsDto implements GiftOrderUnits {
  @ApiProperty() units!: number;
  @ApiProperty({ description: 'Not claimed yet' }) open!: number;
  @ApiProperty() claimed!: number;
  @ApiProperty() shipped!: number;
  @ApiProperty() delivered!: number;
}

export class OrderDto implements OrderView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['normal', 'gift', 'group_buy', 'gift_card'] }) kind!: OrderView['kind'];
  @ApiProperty({ enum: ORDER_STATUSES }) status!: OrderStatus;
  @ApiProperty() shopId!: string;
  @ApiProperty() buyerId!: string;
  @ApiProperty({ type: [OrderItemViewDto] }) items!: OrderItemViewDto[];
  @ApiProperty() goodsFen!: number;
  @ApiProperty() freightFen!: number;
  @ApiProperty() discountFen!: number;
  @ApiProperty() giftCardFen!: number;
  @ApiProperty({ description: 'goods + freight − discount' }) totalFen!: number;
  @ApiProperty({ description: 'total − gift-card part: what WeChat Pay charges' }) payFen!: number;
  @ApiProperty() refundedFen!: number;
  @ApiProperty({ enum: SCENE_CODES }) scene!: Scene;
  @ApiProperty({ enum: ['public', 'private'] }) domain!: Domain;
  @ApiStringOrNull() sharerId!: string | null;
  @ApiObjectOrNull(AddressViewDto) address!: AddressViewDto | null;
  @ApiStringOrNull() carrier!: string | null;
  @ApiStringOrNull() trackingNo!: string | null;
  @ApiTime() createdAt!: string;
  @ApiTimeOrNull() paidAt!: string | null;
  @ApiTimeOrNull() shippedAt!: string | null;
  @ApiTimeOrNull() deliveredAt!: string | null;
  @ApiTimeOrNull() completedAt!: string | null;
  @ApiTimeOrNull() cancelledAt!: string | null;
  @ApiTimeOrNull() refundedAt!: string | null;
  @ApiObjectOrNull(OrderPaymentDto) payment!: OrderPaymentDto | null;
  @ApiObjectOrNull(OrderAfterSaleDto, 'The latest after-sales case') afterSale!: OrderAfterSaleDto | null;
  @ApiProperty({ type: GiftOrderUnitsDto, nullable: true, required: false, description: 'Gift orders only' })
  giftUnits?: GiftOrderUnitsDto | null;
  @ApiStringOrNull('The coupon the order uses (held while unpaid)') userCouponId!: string | null;
  @ApiProperty({ type: () => [CardPartDto], description: 'What each gift card pays of the order' })
  giftCards!: CardPartDto[];
  @ApiProperty({
    type: () => OrderGiftCardDto,
    nullable: true,
    required: false,
    description: 'A 节日礼券 order: its card',
  })
  giftCard?: OrderGiftCardDto | null;
}

export class CardPartDto implements CardPart {
  @ApiProperty({ description: 'The gift card (its id in the wallet)' }) id!: string;
  @ApiProperty() amountFen!: number;
}

export class OrderGiftCardDto implements OrderGiftCard {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: GIFT_CARD_STATUSES }) status!: GiftCardStatus;
  @ApiProperty() title!: string;
}

export class FollowOfferDto implements FollowOffer {
  @ApiProperty() shopId!: string;
  @ApiProperty() shopName!: string;
}

export class PlacedOrderDto extends OrderDto implements PlacedOrderView {
  @ApiObjectOrNull(FollowOfferDto, 'After a public-scene purchase: an offer to follow the shop')
  followOffer!: FollowOfferDto | null;
}

export class OrderPageDto implements Page<OrderView> {
  @ApiProperty({ type: [OrderDto] }) items!: OrderDto[];
  @ApiProperty() total!: number;
}

export class QuoteLineDto implements QuoteLine {
  @ApiProperty() skuId!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty() paidFen!: number;
}

export class OrderQuoteDto implements OrderQuote {
  @ApiProperty() goodsFen!: number;
  @ApiProperty() freightFen!: number;
  @ApiProperty() discountFen!: number;
  @ApiProperty() giftCardFen!: number;
  @ApiProperty() totalFen!: number;
  @ApiProperty() payFen!: number;
  @ApiProperty({ type: [QuoteLineDto], description: 'Per line, in the order sent; paidFen adds up to the goods' })
  lines!: QuoteLineDto[];
  @ApiProperty({ type: [CardPartDto], description: 'What each named gift card would pay' }) giftCards!: CardPartDto[];
  @ApiStringOrNull('The coupon applied (the one asked for)') userCouponId!: string | null;
  @ApiProperty({ type: () => [QuoteCouponOptionDto], description: "The caller's coupons of the shop, best first" })
  coupons!: QuoteCouponOptionDto[];
  @ApiStringOrNull('The usable coupon that takes the most off (the checkout default)') bestUserCouponId!: string | null;
}

export class QuoteCouponOptionDto implements QuoteCouponOption {
  @ApiProperty() userCouponId!: string;
  @ApiProperty() couponId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() usable!: boolean;
  @ApiProperty({ description: 'What it would take off (0 when unusable)' }) discountFen!: number;
  @ApiStringOrNull('Why it cannot be used') reason!: string | null;
  @ApiTime() expiresAt!: string;
}

export class PaymentRefDto implements PaymentRef {
  @ApiProperty() id!: string;
  @ApiStringOrNull() transactionId!: string | null;
}

export class PayResultDto implements PayResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ORDER_STATUSES }) status!: OrderStatus;
  @ApiObjectOrNull(PaymentRefDto, 'null when gift cards paid the whole order') payment!: PaymentRefDto | null;
}
