import { Module } from '@nestjs/common';
import { AddressesModule } from '../addresses/addresses.module';
import { CatalogModule } from '../catalog/catalog.module';
import { FulfilmentModule } from '../fulfilment/fulfilment.module';
import { LedgerModule } from '../ledger/ledger.module';
import { OrdersModule } from '../orders/orders.module';
import { SocialModule } from '../social/social.module';
import { ClaimsService } from './claims.service';
import { GiftShippingService } from './gift-shipping.service';
import { GiftViewsService } from './gift-views.service';
import { GiftsController } from './gifts.controller';
import { GiftsService } from './gifts.service';

@Module({
  imports: [AddressesModule, CatalogModule, FulfilmentModule, LedgerModule, OrdersModule, SocialModule],
  controllers: [GiftsController],
  providers: [GiftsService, ClaimsService, GiftViewsService, GiftShippingService],
  exports: [GiftViewsService],
})
export class GiftsModule {}
