import { Module } from '@nestjs/common';
import { FulfilmentModule } from '../fulfilment/fulfilment.module';
import { GiftsModule } from '../gifts/gifts.module';
import { LedgerModule } from '../ledger/ledger.module';
import { OrdersModule } from '../orders/orders.module';
import { AfterSalesController } from './after-sales.controller';
import { AfterSalesService } from './after-sales.service';

/** 售后 on any parcel; it answers in the view of what was asked about (an order, or a gift). */
@Module({
  imports: [FulfilmentModule, GiftsModule, LedgerModule, OrdersModule],
  controllers: [AfterSalesController],
  providers: [AfterSalesService],
})
export class AfterSalesModule {}
