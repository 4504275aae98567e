import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { DomainAnalytics, SceneAnalyticsRow } from '@giftshop/shared';
import { IsOptional, IsUUID } from 'class-validator';
import { UuidParam } from '../common/validation';
import { Caller, CurrentUser } from '../identity/auth.decorators';
import { AnalyticsService } from './analytics.service';
import { DomainAnalyticsDto, SceneAnalyticsRowDto } from './analytics-view.dto';

class AnalyticsQuery {
  @ApiPropertyOptional({ description: 'One product only' })
  @IsOptional()
  @IsUUID('all', { message: 'productId must be a UUID' })
  productId?: string;
}

@ApiTags('analytics')
@ApiBearerAuth()
@Controller('shops/:shopId/analytics')
export class AnalyticsController {
  constructor(private readonly analytics: AnalyticsService) {}

  @Get('scenes')
  @ApiOkResponse({ type: [SceneAnalyticsRowDto], description: 'Per product and scene (owner only)' })
  scenes(
    @CurrentUser() caller: Caller,
    @UuidParam('shopId') shopId: string,
    @Query() query: AnalyticsQuery,
  ): Promise<SceneAnalyticsRow[]> {
    return this.analytics.scenes(caller.userId, shopId, query.productId);
  }

  @Get('domains')
  @ApiOkResponse({ type: DomainAnalyticsDto, description: 'Public and private domain figures (owner only)' })
  domains(
    @CurrentUser() caller: Caller,
    @UuidParam('shopId') shopId: string,
    @Query() query: AnalyticsQuery,
  ): Promise<DomainAnalytics> {
    return this.analytics.domains(caller.userId, shopId, query.productId);
  }
}
