import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GIFT_MODES, GiftMode } from '@giftshop/shared';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';
import { MultiLine } from '../common/validation';
import { AddressChoiceDto, ShipDto } from '../orders/orders.dto';

export class CreateGiftDto {
  @ApiProperty({ description: 'A giftable SKU' })
  @IsUUID('all', { message: 'skuId must be a UUID' })
  skuId!: string;

  @ApiProperty({ description: 'A direct chat (single) or a group chat (first_come, lottery) the giver is in' })
  @IsUUID('all', { message: 'chatId must be a UUID' })
  chatId!: string;

  @ApiProperty({ enum: GIFT_MODES })
  @IsIn(GIFT_MODES, { message: `mode must be one of ${GIFT_MODES.join(', ')}` })
  mode!: GiftMode;

  @ApiProperty({ description: '1 for single; 2 to 100 for group gifts' })
  @IsInt()
  @Min(1)
  @Max(100)
  units!: number;

  @ApiPropertyOptional({ description: 'At most 50 characters, no banned words' })
  @IsOptional()
  @IsString()
  @MultiLine()
  wishMessage?: string;

  @ApiPropertyOptional({ description: 'Lottery only: when to draw, at most 24 hours away (ISO-8601)' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'drawAt must be an ISO-8601 time' })
  drawAt?: Date;
}

export class ClaimGiftDto extends AddressChoiceDto {
  @ApiPropertyOptional({ description: 'Another giftable SKU of the same product at the same price' })
  @IsOptional()
  @IsUUID('all', { message: 'skuId must be a UUID' })
  skuId?: string;
}

export class ListGiftsQuery {
  @ApiPropertyOptional({ enum: ['giver', 'recipient'], default: 'giver' })
  @IsOptional()
  @IsIn(['giver', 'recipient'])
  role?: 'giver' | 'recipient';
}

export class ShipClaimDto extends ShipDto {}

export class ListClaimsQuery {
  @ApiPropertyOptional({ enum: ['accepted', 'shipped', 'delivered', 'completed', 'refunded'] })
  @IsOptional()
  @IsIn(['accepted', 'shipped', 'delivered', 'completed', 'refunded'])
  status?: 'accepted' | 'shipped' | 'delivered' | 'completed' | 'refunded';
}
