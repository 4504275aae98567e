import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SavedAddressView } from '@giftshop/shared';
import { IsBoolean, IsOptional, ValidateIf } from 'class-validator';
import { AddressDto } from '../orders/orders.dto';
import { AddressField, MultiLine } from '../common/validation';

export class CreateAddressDto extends AddressDto {
  @ApiPropertyOptional({ description: 'Make it the default (the first address always is)' })
  @IsOptional()
  @IsBoolean({ message: 'isDefault must be true or false' })
  isDefault?: boolean;
}

/** Any of the fields; a field sent as null is refused, not cleared (every field is required). */
export class UpdateAddressDto {
  @ApiPropertyOptional({ example: '爱丽丝' })
  @ValidateIf((_, v) => v !== undefined)
  @AddressField('name')
  name?: string;

  @ApiPropertyOptional({ example: '13800138000' })
  @ValidateIf((_, v) => v !== undefined)
  @AddressField('phone')
  phone?: string;

  @ApiPropertyOptional({ example: '浙江省 杭州市 西湖区' })
  @ValidateIf((_, v) => v !== undefined)
  @AddressField('region')
  region?: string;

  @ApiPropertyOptional({ example: '龙井路 1 号' })
  @ValidateIf((_, v) => v !== undefined)
  @AddressField('detail')
  @MultiLine()
  detail?: string;

  @ApiPropertyOptional({ description: 'true makes it the default and clears the others' })
  @ValidateIf((_, v) => v !== undefined)
  @IsBoolean({ message: 'isDefault must be true or false' })
  isDefault?: boolean;
}

export class SavedAddressDto extends AddressDto implements SavedAddressView {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  isDefault!: boolean;
}
