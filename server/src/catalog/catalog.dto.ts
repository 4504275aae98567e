import { GROUP_DEAL_PROPERTY, GroupDealDto } from '../group-buys/group-buy-view.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CATEGORIES,
  COMMISSION_RULES,
  SCENE_CODES,
  type CategoryView,
  type Page,
  type ProductStatus,
  type ProductSummaryView,
  type ProductView,
  type Scene,
  type ShopView,
  type SkuView,
} from '@giftshop/shared';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ApiSpecs, ApiStringOrNull, ApiTime } from '../common/api-schema';
import { PageQuery } from '../common/page-query';
import { IsSpecs, MultiLine, NoBannedClaim } from '../common/validation';

const CATEGORY_CODES = CATEGORIES.map((c) => c.code);
const MAX_PRICE_FEN = 1_000_000_000;
const MAX_STOCK = 10_000_000;
const IMAGE_URL = /^(https?:\/\/|\/)\S+$/;

export class CreateShopDto {
  @ApiProperty({ example: '山茶小馆' })
  @IsString()
  @Length(1, 30)
  @NoBannedClaim()
  name!: string;
}

export class CreateSkuDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { 规格: '250g 礼盒' },
    description: 'Up to 5 spec names to values',
  })
  @IsSpecs()
  specs!: Record<string, string>;

  @ApiProperty({ example: 16800, description: 'Selling price in fen, at least 1' })
  @IsInt()
  @Min(1)
  @Max(MAX_PRICE_FEN)
  priceFen!: number;

  @ApiProperty({ example: 19800, description: 'List price (原价) in fen, at least 1; gifts need at most 1,000,000' })
  @IsInt()
  @Min(1)
  @Max(MAX_PRICE_FEN)
  listPriceFen!: number;

  @ApiProperty({ example: 100 })
  @IsInt()
  @Min(0)
  @Max(MAX_STOCK)
  stock!: number;
}

export class CreateProductDto {
  @ApiProperty({ example: '明前龙井礼盒' })
  @IsString()
  @Length(1, 60)
  @NoBannedClaim()
  title!: string;

  @ApiProperty({ example: '西湖产区，春茶头采。' })
  @IsString()
  @MaxLength(2000)
  @NoBannedClaim()
  @MultiLine()
  description!: string;

  @ApiProperty({ enum: CATEGORY_CODES })
  @IsIn(CATEGORY_CODES, { message: `categoryCode must be one of ${CATEGORY_CODES.join(', ')}` })
  categoryCode!: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(9)
  @Matches(IMAGE_URL, { each: true, message: 'imageUrls must hold http(s) URLs or absolute paths' })
  imageUrls?: string[];

  @ApiProperty({ type: [CreateSkuDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'skus must hold at least one SKU' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CreateSkuDto)
  skus!: CreateSkuDto[];
}

export class UpdateSkuDto {
  @ApiProperty()
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;

  @ApiPropertyOptional({ description: 'Selling price in fen, at least 1' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PRICE_FEN)
  priceFen?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_STOCK)
  stock?: number;
}

export class UpdateProductDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 60)
  @NoBannedClaim()
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @NoBannedClaim()
  @MultiLine()
  description?: string;

  @ApiPropertyOptional({ type: [String], description: 'Replaces the pictures (up to 9; uploads or absolute paths)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(9)
  @Matches(IMAGE_URL, { each: true, message: 'imageUrls must hold http(s) URLs or absolute paths' })
  imageUrls?: string[];

  @ApiPropertyOptional({ enum: ['listed', 'delisted'] })
  @IsOptional()
  @IsIn(['listed', 'delisted'])
  status?: 'listed' | 'delisted';

  @ApiPropertyOptional({ minimum: 0, maximum: COMMISSION_RULES.maxBps, description: '推客 commission, basis points' })
  @IsOptional()
  @IsInt({ message: 'commissionBps must be a whole number of basis points' })
  @Min(0, { message: `commissionBps must be 0 to ${COMMISSION_RULES.maxBps}` })
  @Max(COMMISSION_RULES.maxBps, { message: `commissionBps must be 0 to ${COMMISSION_RULES.maxBps}` })
  commissionBps?: number;

  @ApiPropertyOptional({ type: [UpdateSkuDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => UpdateSkuDto)
  skus?: UpdateSkuDto[];
}

export class ReadProductQuery {
  @ApiPropertyOptional({ enum: SCENE_CODES, description: 'Where the visit came from; records a view' })
  @IsOptional()
  @IsIn(SCENE_CODES, { message: `scene must be one of ${SCENE_CODES.join(', ')}` })
  scene?: (typeof SCENE_CODES)[number];

  @ApiPropertyOptional({ description: 'The user who shared the link' })
  @IsOptional()
  @IsUUID('all', { message: 'sharer must be a UUID' })
  sharer?: string;
}

export class ListProductsQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'shopId must be a UUID' })
  shopId?: string;

  @ApiPropertyOptional({ enum: CATEGORY_CODES })
  @IsOptional()
  @IsIn(CATEGORY_CODES, { message: `categoryCode must be one of ${CATEGORY_CODES.join(', ')}` })
  categoryCode?: string;
}

export class SkuDto implements SkuView {
  @ApiProperty() id!: string;
  @ApiSpecs() specs!: Record<string, string>;
  @ApiProperty() priceFen!: number;
  @ApiProperty() listPriceFen!: number;
  @ApiProperty() stock!: number;
  @ApiProperty() giftable!: boolean;
  @ApiPropertyOptional({ description: 'Why the SKU cannot be a gift' }) giftReason?: string;
}

export class ProductDto implements ProductView {
  @ApiProperty({ description: 'The unified product ID every scene links to' }) id!: string;
  @ApiProperty() shopId!: string;
  @ApiProperty() shopName!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty() categoryCode!: string;
  @ApiProperty({ type: [String] }) imageUrls!: string[];
  @ApiProperty({ enum: ['listed', 'delisted'] }) status!: ProductStatus;
  @ApiProperty() giftable!: boolean;
  @ApiProperty({ description: 'Lowest SKU price' }) priceFen!: number;
  @ApiProperty({ type: [SkuDto] }) skus!: SkuDto[];
  @ApiPropertyOptional({ enum: SCENE_CODES, description: 'The scene it was read in, with ?scene=' }) scene?: Scene;
  @GROUP_DEAL_PROPERTY groupDeal?: GroupDealDto | null;
  @ApiProperty({ description: '推客: what a sharer earns of what buyers pay, basis points (0: none)' })
  commissionBps!: number;
  @ApiTime() createdAt!: string;
}

export class ProductSummaryDto implements ProductSummaryView {
  @ApiProperty() id!: string;
  @ApiProperty() shopId!: string;
  @ApiProperty() shopName!: string;
  @ApiProperty() title!: string;
  @ApiProperty() categoryCode!: string;
  @ApiStringOrNull() imageUrl!: string | null;
  @ApiProperty() priceFen!: number;
  @ApiProperty() giftable!: boolean;
  @ApiProperty({ description: '推客 commission, basis points (0: none)' }) commissionBps!: number;
}

export class ProductPageDto implements Page<ProductSummaryView> {
  @ApiProperty({ type: [ProductSummaryDto] }) items!: ProductSummaryDto[];
  @ApiProperty() total!: number;
}

export class ShopDto implements ShopView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() ownerId!: string;
  @ApiTime() openedAt!: string;
  @ApiProperty() followerCount!: number;
  @ApiPropertyOptional() following?: boolean;
}

export class CategoryDto implements CategoryView {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() nameEn!: string;
  @ApiStringOrNull() parentCode!: string | null;
  @ApiProperty({ description: 'Technical service fee rate in basis points' }) feeRateBps!: number;
  @ApiProperty() giftable!: boolean;
}
