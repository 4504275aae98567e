import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GROUP_BUY_RULES } from '@giftshop/shared';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { AddressChoiceDto } from '../orders/orders.dto';

const { minGroupSize, maxGroupSize, minWindowHours, maxWindowHours, defaultWindowHours } = GROUP_BUY_RULES;
/** Group-buy orders come from chats: private domain. */
const GROUP_BUY_SCENES = ['chat', 'group_chat'] as const;

export class GroupDealSkuInputDto {
  @ApiProperty()
  @IsUUID('all', { message: 'skuId must be a UUID' })
  skuId!: string;

  @ApiProperty({ minimum: 1, description: 'Below the SKU’s own price' })
  @IsInt({ message: 'groupPriceFen must be an integer number of fen' })
  @Min(1, { message: 'groupPriceFen must be at least 1 fen' })
  groupPriceFen!: number;
}

export class CreateGroupDealDto {
  @ApiProperty()
  @IsUUID('all', { message: 'productId must be a UUID' })
  productId!: string;

  @ApiProperty({ minimum: minGroupSize, maximum: maxGroupSize })
  @IsInt()
  @Min(minGroupSize, { message: `groupSize must be ${minGroupSize} to ${maxGroupSize}` })
  @Max(maxGroupSize, { message: `groupSize must be ${minGroupSize} to ${maxGroupSize}` })
  groupSize!: number;

  @ApiPropertyOptional({ minimum: minWindowHours, maximum: maxWindowHours, default: defaultWindowHours })
  @IsOptional()
  @IsInt()
  @Min(minWindowHours, { message: `windowHours must be ${minWindowHours} to ${maxWindowHours}` })
  @Max(maxWindowHours, { message: `windowHours must be ${minWindowHours} to ${maxWindowHours}` })
  windowHours?: number;

  @ApiProperty({ type: [GroupDealSkuInputDto], description: 'The SKUs on offer with their group prices' })
  @IsArray()
  @ArrayMinSize(1, { message: 'skus must hold at least one SKU' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => GroupDealSkuInputDto)
  skus!: GroupDealSkuInputDto[];
}

export class UpdateGroupDealDto {
  @ApiProperty({ enum: ['ended'], description: 'Ending stops new teams; open teams run to their end' })
  @IsIn(['ended'], { message: 'status must be ended' })
  status!: 'ended';
}

/** What a seat is bought with: one SKU of the deal, a quantity and an address. */
export class SeatDto extends AddressChoiceDto {
  @ApiProperty({ description: 'A SKU of the deal' })
  @IsUUID('all', { message: 'skuId must be a UUID' })
  skuId!: string;

  @ApiProperty({ minimum: 1, maximum: 99 })
  @IsInt()
  @Min(1)
  @Max(99)
  quantity!: number;

  @ApiPropertyOptional({ enum: GROUP_BUY_SCENES, description: 'Default: from the team’s chat (chat or group_chat)' })
  @IsOptional()
  @IsIn(GROUP_BUY_SCENES, { message: 'scene must be chat or group_chat: a group buy is shared in chats' })
  scene?: (typeof GROUP_BUY_SCENES)[number];
}

export class OpenTeamDto extends SeatDto {
  @ApiProperty()
  @IsUUID('all', { message: 'dealId must be a UUID' })
  dealId!: string;

  @ApiPropertyOptional({
    description: 'A chat the leader belongs to: the 拼团 card is posted there when the leader pays',
  })
  @IsOptional()
  @IsUUID('all', { message: 'chatId must be a UUID' })
  chatId?: string;
}

export class ListTeamsQuery {
  @ApiProperty({ enum: ['mine'] })
  @IsIn(['mine'], { message: 'role must be mine' })
  role!: 'mine';
}
