import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { EarningsController } from './earnings.controller';
import { EarningsService } from './earnings.service';
import { LedgerController } from './ledger.controller';
import { LedgerService } from './ledger.service';

@Module({
  imports: [CatalogModule],
  controllers: [LedgerController, EarningsController],
  providers: [LedgerService, EarningsService],
  exports: [LedgerService],
})
export class LedgerModule {}
