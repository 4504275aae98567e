import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import type { SearchExplainView, SearchItemView, SearchPage } from '@giftshop/shared';

/** The response classes of the search routes; each implements its view in @giftshop/shared. */

type Caps = SearchExplainView['caps'];
type Conversion = SearchExplainView['conversion'];
type Factor = SearchExplainView['factors'][string];

export class SearchItemDto implements SearchItemView {
  @ApiProperty() productId!: string;
  @ApiProperty() shopId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'The lowest SKU price' }) priceFen!: number;
  @ApiProperty() score!: number;
}

export class SearchPageDto implements SearchPage {
  @ApiProperty({ type: [SearchItemDto], description: 'Best first' }) items!: SearchItemDto[];
  @ApiProperty() total!: number;
}

export class SearchCapsDto implements Caps {
  @ApiProperty() product!: number;
  @ApiProperty() shop!: number;
}

export class SearchConversionDto implements Conversion {
  @ApiProperty() orders!: number;
  @ApiProperty() views!: number;
  @ApiProperty() rate!: number;
  @ApiProperty() weight!: number;
}

export class SearchFactorDto implements Factor {
  @ApiProperty() value!: number;
  @ApiProperty() weight!: number;
  @ApiProperty() contribution!: number;
}

@ApiExtraModels(SearchFactorDto)
export class SearchExplainDto implements SearchExplainView {
  @ApiProperty() productId!: string;
  @ApiProperty() query!: string;
  @ApiProperty({ type: [String], description: 'What the query was split into' }) tokens!: string[];
  @ApiProperty({ description: 'Whether the product matches the query at all' }) matches!: boolean;
  @ApiProperty() score!: number;
  @ApiProperty() relevance!: number;
  @ApiProperty() boost!: number;
  @ApiProperty({ description: 'min(caps.product, productSales) + min(caps.shop, shopSales)' }) sales!: number;
  @ApiProperty() productSales!: number;
  @ApiProperty() shopSales!: number;
  @ApiProperty({ type: SearchCapsDto }) caps!: SearchCapsDto;
  @ApiProperty({ type: SearchConversionDto }) conversion!: SearchConversionDto;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(SearchFactorDto) },
    description: 'Each factor of the score by name',
  })
  factors!: Record<string, SearchFactorDto>;
  @ApiProperty() formula!: string;
  @ApiProperty() halfLifeDays!: number;
}
