import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GIFT_CARD_RULES, SCENE_CODES } from '@giftshop/shared';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../common/page-query';
import { AddressField, MultiLine } from '../common/validation';

export class OrderItemDto {
  @ApiProperty()
  @IsUUID('all', { message: 'skuId must be a UUID' })
  skuId!: string;

  @ApiProperty({ minimum: 1, maximum: 99 })
  @IsInt()
  @Min(1)
  @Max(99)
  quantity!: number;
}

/** The one address shape every route takes (orders, gift claims): the rules are in @giftshop/shared. */
export class AddressDto {
  @ApiProperty({ example: '爱丽丝', description: '1-30 characters' })
  @AddressField('name')
  name!: string;

  @ApiProperty({ example: '13800138000', description: 'A mainland mobile number or an E.164 +number' })
  @AddressField('phone')
  phone!: string;

  @ApiProperty({ example: '浙江省 杭州市 西湖区' })
  @AddressField('region')
  region!: string;

  @ApiProperty({ example: '龙井路 1 号', description: 'May span lines' })
  @AddressField('detail')
  @MultiLine()
  detail!: string;
}

/** Where to ship: a new address or a saved one (exactly one), for routes that take no basket. */
export class AddressChoiceDto {
  @ApiPropertyOptional({ type: AddressDto, description: 'Exactly one of address and addressId' })
  @ValidateIf((o: AddressChoiceDto) => o.address !== undefined || o.addressId === undefined)
  @IsObject({ message: 'address must be an object {name, phone, region, detail}' })
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto;

  @ApiPropertyOptional({ description: 'A saved address of the caller (GET /api/me/addresses); a copy is kept' })
  @IsOptional()
  @IsUUID('all', { message: 'addressId must be a UUID' })
  addressId?: string;
}

/** The basket: what a quote prices and an order buys. */
export class BasketDto {
  @ApiProperty({ type: [OrderItemDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'items must hold at least one item' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => OrderItemDto)
  items!: OrderItemDto[];
}

export class QuoteOrderDto extends BasketDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: "One of the caller's claimed coupons of the shop (GET /api/me/coupons); omitted or null: none",
  })
  @IsOptional()
  @IsUUID('all', { message: 'userCouponId must be a UUID' })
  userCouponId?: string | null;

  @ApiPropertyOptional({
    type: [String],
    description: "Gift cards of the caller's wallet, of the order's shop: each pays at most its balance, in this order",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(GIFT_CARD_RULES.maxCardsPerOrder, {
    message: `giftCardIds: at most ${GIFT_CARD_RULES.maxCardsPerOrder} cards`,
  })
  @IsUUID('all', { each: true, message: 'giftCardIds must hold UUIDs' })
  giftCardIds?: string[];
}

export class CreateOrderDto extends QuoteOrderDto {
  @ApiPropertyOptional({ type: AddressDto, description: 'Exactly one of address and addressId' })
  @ValidateIf((o: CreateOrderDto) => o.address !== undefined || o.addressId === undefined)
  @IsObject({ message: 'address must be an object {name, phone, region, detail}' })
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto;

  @ApiPropertyOptional({ description: 'A saved address of the caller (GET /api/me/addresses); the order keeps a copy' })
  @IsOptional()
  @IsUUID('all', { message: 'addressId must be a UUID' })
  addressId?: string;

  @ApiProperty({ enum: SCENE_CODES })
  @IsIn(SCENE_CODES, { message: `scene must be one of ${SCENE_CODES.join(', ')}` })
  scene!: (typeof SCENE_CODES)[number];

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'sharerId must be a UUID' })
  sharerId?: string;
}

export class ShipDto {
  @ApiProperty({ example: '顺丰速运' })
  @IsString()
  @Length(1, 30)
  carrier!: string;

  @ApiProperty({ example: 'SF1234567890' })
  @Matches(/^[A-Za-z0-9-]{4,40}$/, { message: 'trackingNo must be 4-40 letters, digits or dashes' })
  trackingNo!: string;
}

export class RefundRequestDto {
  @ApiProperty({ example: '不想要了' })
  @IsString()
  @Length(1, 200)
  reason!: string;
}

export class ListOrdersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['buyer', 'merchant'], default: 'buyer' })
  @IsOptional()
  @IsIn(['buyer', 'merchant'])
  role?: 'buyer' | 'merchant';

  @ApiPropertyOptional({ description: 'Required with role=merchant' })
  @IsOptional()
  @IsUUID('all', { message: 'shopId must be a UUID' })
  shopId?: string;
}
