import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module';
import { OrdersModule } from '../orders/orders.module';
import { SearchSignalsService } from './search-signals.service';
import { SearchController } from './search.controller';
import { SearchService } from './search.service';

@Module({
  imports: [OrdersModule, LedgerModule],
  controllers: [SearchController],
  providers: [SearchService, SearchSignalsService],
})
export class SearchModule {}
