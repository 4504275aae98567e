import { Module } from '@nestjs/common';
import { AddressesModule } from '../addresses/addresses.module';
import { CatalogModule } from '../catalog/catalog.module';
import { OrdersModule } from '../orders/orders.module';
import { SocialModule } from '../social/social.module';
import { GroupBuyViewsService } from './group-buy-views.service';
import { GroupBuysController } from './group-buys.controller';
import { GroupBuysService } from './group-buys.service';

/** 社群拼团: deals, teams and seats (docs/ARCHITECTURE.md). */
@Module({
  imports: [AddressesModule, CatalogModule, OrdersModule, SocialModule],
  controllers: [GroupBuysController],
  providers: [GroupBuysService, GroupBuyViewsService],
})
export class GroupBuysModule {}
