import { Module } from '@nestjs/common';
import { AfterSalesService } from '../after-sales/after-sales.service';
import { AddressesModule } from '../addresses/addresses.module';
import { CatalogModule } from '../catalog/catalog.module';
import { LedgerModule } from '../ledger/ledger.module';
import { OrderViewsService } from './order-views.service';
import { OrdersController } from './orders.controller';
import { OrdersService } from './orders.service';

@Module({
  imports: [AddressesModule, CatalogModule, LedgerModule],
  controllers: [OrdersController],
  providers: [OrdersService, OrderViewsService, AfterSalesService],
  exports: [OrdersService, OrderViewsService, AfterSalesService],
})
export class OrdersModule {}
