import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders/orders.module';
import { SearchSignalsService } from './search-signals.service';
import { SearchController } from './search.controller';
import { SearchService } from './search.service';

@Module({
  imports: [OrdersModule],
  controllers: [SearchController],
  providers: [SearchService, SearchSignalsService],
})
export class SearchModule {}
