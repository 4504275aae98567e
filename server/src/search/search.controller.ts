import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { SEARCH_RULES, SearchExplainView, SearchPage } from '@giftshop/shared';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';
import { Public } from '../identity/auth.decorators';
import { SearchService } from './search.service';
import { SearchExplainDto, SearchPageDto } from './search-view.dto';

class SearchQueryDto {
  @ApiProperty({
    description: `What to look for: Chinese, Latin or both, at most ${SEARCH_RULES.maxQueryLength} characters`,
  })
  @IsOptional()
  @IsString({ message: 'q must be text' })
  q?: string;

  @ApiPropertyOptional({ default: SEARCH_RULES.defaultLimit, maximum: SEARCH_RULES.maxLimit })
  @IsOptional()
  @Type(() => Number)
  @Max(SEARCH_RULES.maxLimit, { message: `limit must be at most ${SEARCH_RULES.maxLimit}` })
  @Min(1, { message: 'limit must be at least 1' })
  @IsInt({ message: 'limit must be a whole number' })
  limit?: number;

  @ApiPropertyOptional({ default: 0, maximum: SEARCH_RULES.maxOffset })
  @IsOptional()
  @Type(() => Number)
  @Max(SEARCH_RULES.maxOffset, { message: `offset must be at most ${SEARCH_RULES.maxOffset}` })
  @Min(0, { message: 'offset must be at least 0' })
  @IsInt({ message: 'offset must be a whole number' })
  offset?: number;
}

class ExplainQueryDto {
  @ApiProperty()
  @IsOptional()
  @IsString({ message: 'q must be text' })
  q?: string;

  @ApiProperty()
  @IsUUID('all', { message: 'productId must be a UUID' })
  productId!: string;
}

@ApiTags('search')
@Public()
@Controller('search')
export class SearchController {
  constructor(private readonly searchService: SearchService) {}

  @Get()
  @ApiOkResponse({ type: SearchPageDto, description: 'Best first' })
  search(@Query() query: SearchQueryDto): Promise<SearchPage> {
    return this.searchService.search(query.q, query.limit ?? SEARCH_RULES.defaultLimit, query.offset ?? 0);
  }

  @Get('explain')
  @ApiOkResponse({ type: SearchExplainDto, description: 'Each factor of the score, which they recompute' })
  explain(@Query() query: ExplainQueryDto): Promise<SearchExplainView> {
    return this.searchService.explain(query.q, query.productId);
  }
}
