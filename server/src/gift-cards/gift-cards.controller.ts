import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type {
  GiftCardDesignFiguresView,
  GiftCardDesignView,
  GiftCardPurchaseView,
  GiftCardView,
  WalletCardView,
} from '@giftshop/shared';
import { EndDto } from '../checkout/checkout.dto';
import { UuidParam } from '../common/validation';
import { Caller, CurrentUser, OptionalUser, Public } from '../identity/auth.decorators';
import { ApiIdempotencyKey, IdempotencyKeyHeader } from '../idempotency/idempotency-header';
import { GiftCardViewsService } from './gift-card-views.service';
import {
  GiftCardDesignDto,
  GiftCardDesignFiguresDto,
  GiftCardDto,
  GiftCardPurchaseDto,
  WalletCardDto,
} from './gift-card-view.dto';
import { BuyGiftCardDto, CreateDesignDto, DesignsQuery } from './gift-cards.dto';
import { GiftCardsService } from './gift-cards.service';

@ApiTags('gift-cards')
@ApiBearerAuth()
@Controller()
export class GiftCardsController {
  constructor(
    private readonly cards: GiftCardsService,
    private readonly views: GiftCardViewsService,
  ) {}

  @Post('shops/:shopId/gift-card-designs')
  @ApiCreatedResponse({ type: GiftCardDesignDto, description: 'The shop owner designs a 节日礼券 (¥10–¥1,000)' })
  createDesign(
    @CurrentUser() caller: Caller,
    @UuidParam('shopId') shopId: string,
    @Body() body: CreateDesignDto,
  ): Promise<GiftCardDesignView> {
    return this.cards.createDesign(caller.userId, shopId, body);
  }

  @Public()
  @Get('shops/:shopId/gift-card-designs')
  @ApiOkResponse({
    type: [GiftCardDesignFiguresDto],
    description: 'The designs on sale (GiftCardDesignView). scope=all: the owner only, every design with its figures',
  })
  designs(
    @OptionalUser() caller: Caller | undefined,
    @UuidParam('shopId') shopId: string,
    @Query() query: DesignsQuery,
  ): Promise<GiftCardDesignView[] | GiftCardDesignFiguresView[]> {
    if (query.scope === 'all') return this.views.figures(caller?.userId ?? '', shopId);
    return this.views.designs(shopId);
  }

  @Patch('gift-card-designs/:id')
  @ApiOkResponse({ type: GiftCardDesignDto, description: 'The owner stops selling it; cards sold run their course' })
  endDesign(
    @CurrentUser() caller: Caller,
    @UuidParam('id') id: string,
    @Body() _body: EndDto,
  ): Promise<GiftCardDesignView> {
    return this.cards.endDesign(caller.userId, id);
  }

  @Post('gift-cards')
  @ApiIdempotencyKey()
  @ApiCreatedResponse({
    type: GiftCardPurchaseDto,
    description: 'A card for the friend of a direct chat; paying its order posts it into the chat',
  })
  buy(
    @CurrentUser() caller: Caller,
    @Body() body: BuyGiftCardDto,
    @IdempotencyKeyHeader() key?: string,
  ): Promise<GiftCardPurchaseView> {
    return this.cards.buy(caller.userId, body, key);
  }

  @Get('gift-cards/:id')
  @ApiOkResponse({ type: GiftCardDto, description: 'Members of its chat only' })
  view(@CurrentUser() caller: Caller, @UuidParam('id') id: string): Promise<GiftCardView> {
    return this.views.view(caller.userId, id);
  }

  @Post('gift-cards/:id/claim')
  @ApiCreatedResponse({
    type: WalletCardDto,
    description: 'The friend claims it (no address): 403 NOT_RECIPIENT, 409 CARD_NOT_CLAIMABLE',
  })
  claim(@CurrentUser() caller: Caller, @UuidParam('id') id: string): Promise<WalletCardView> {
    return this.cards.claim(caller.userId, id);
  }

  @Get('me/gift-cards')
  @ApiOkResponse({ type: [WalletCardDto], description: "The caller's wallet: usable cards first" })
  wallet(@CurrentUser() caller: Caller): Promise<WalletCardView[]> {
    return this.views.walletCards(this.views.manager, caller.userId);
  }
}
