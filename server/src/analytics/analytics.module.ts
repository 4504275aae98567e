import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { AnalyticsController } from './analytics.controller';
import { AnalyticsService } from './analytics.service';

@Module({ imports: [CatalogModule], controllers: [AnalyticsController], providers: [AnalyticsService] })
export class AnalyticsModule {}
