import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GIFT_CARD_RULES, GIFT_CARD_THEMES, type GiftCardTheme } from '@giftshop/shared';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { MultiLine } from '../common/validation';

const { minFaceValueFen, maxFaceValueFen, minValidDays, maxValidDays } = GIFT_CARD_RULES;

export class CreateDesignDto {
  @ApiProperty({ example: '中秋礼券' })
  @IsString()
  @Length(1, 30, { message: 'title must be 1 to 30 characters' })
  title!: string;

  @ApiProperty({ minimum: minFaceValueFen, maximum: maxFaceValueFen, description: '¥10–¥1,000, in fen' })
  @IsInt({ message: 'faceValueFen must be an integer number of fen' })
  @Min(minFaceValueFen, { message: 'faceValueFen must be ¥10 to ¥1,000 (1000 to 100000 fen)' })
  @Max(maxFaceValueFen, { message: 'faceValueFen must be ¥10 to ¥1,000 (1000 to 100000 fen)' })
  faceValueFen!: number;

  @ApiProperty({
    minimum: minValidDays,
    maximum: maxValidDays,
    description: 'Valid this many days after it is claimed',
  })
  @IsInt()
  @Min(minValidDays, { message: `validDays must be ${minValidDays} to ${maxValidDays}` })
  @Max(maxValidDays, { message: `validDays must be ${minValidDays} to ${maxValidDays}` })
  validDays!: number;

  @ApiPropertyOptional({
    enum: GIFT_CARD_THEMES,
    default: 'plain',
    description: '春节, 中秋, 端午, 母亲节, 生日, or plain',
  })
  @IsOptional()
  @IsIn(GIFT_CARD_THEMES, { message: `theme must be one of ${GIFT_CARD_THEMES.join(', ')}` })
  theme?: GiftCardTheme;
}

export class BuyGiftCardDto {
  @ApiProperty()
  @IsUUID('all', { message: 'designId must be a UUID' })
  designId!: string;

  @ApiProperty({ description: 'A direct chat the caller is in: the card is for the friend there' })
  @IsUUID('all', { message: 'chatId must be a UUID' })
  chatId!: string;

  @ApiPropertyOptional({ description: 'At most 50 characters, no banned words' })
  @IsOptional()
  @IsString()
  @MultiLine()
  wishMessage?: string;
}

export class DesignsQuery {
  @ApiPropertyOptional({ enum: ['all'], description: 'The owner: every design with its figures' })
  @IsOptional()
  @IsIn(['all'], { message: 'scope must be all' })
  scope?: 'all';
}
