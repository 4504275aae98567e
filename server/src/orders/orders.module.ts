import { Module } from '@nestjs/common';
import { AddressesModule } from '../addresses/addresses.module';
import { CatalogModule } from '../catalog/catalog.module';
import { CheckoutModule } from '../checkout/checkout.module';
import { FulfilmentModule } from '../fulfilment/fulfilment.module';
import { LedgerModule } from '../ledger/ledger.module';
import { OrderViewsService } from './order-views.service';
import { OrdersController } from './orders.controller';
import { OrdersService } from './orders.service';

@Module({
  imports: [AddressesModule, CatalogModule, CheckoutModule, FulfilmentModule, LedgerModule],
  controllers: [OrdersController],
  providers: [OrdersService, OrderViewsService],
  exports: [OrdersService, OrderViewsService],
})
export class OrdersModule {}
