import { Module } from '@nestjs/common';
import { AddressesModule } from '../addresses/addresses.module';
import { CatalogModule } from '../catalog/catalog.module';
import { LedgerModule } from '../ledger/ledger.module';
import { OrdersModule } from '../orders/orders.module';
import { SocialModule } from '../social/social.module';
import { ClaimsService } from './claims.service';
import { FulfilmentService } from './fulfilment.service';
import { GiftAfterSales } from './gift-after-sales';
import { GiftViewsService } from './gift-views.service';
import { GiftsController } from './gifts.controller';
import { GiftsService } from './gifts.service';

@Module({
  imports: [AddressesModule, CatalogModule, LedgerModule, OrdersModule, SocialModule],
  controllers: [GiftsController],
  providers: [GiftsService, ClaimsService, GiftViewsService, FulfilmentService, GiftAfterSales],
})
export class GiftsModule {}
