import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { LedgerModule } from '../ledger/ledger.module';
import { OrdersModule } from '../orders/orders.module';
import { SocialModule } from '../social/social.module';
import { GiftCardViewsService } from './gift-card-views.service';
import { GiftCardsController } from './gift-cards.controller';
import { GiftCardsService } from './gift-cards.service';

/** 节日礼券: designs, cards bought for friends, claims, the wallet (docs/ARCHITECTURE.md). */
@Module({
  imports: [CatalogModule, LedgerModule, OrdersModule, SocialModule],
  controllers: [GiftCardsController],
  providers: [GiftCardsService, GiftCardViewsService],
})
export class GiftCardsModule {}
