import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  GIFT_STATUS_CODES,
  type ClaimResponse,
  type CreatedGiftView,
  type FulfilmentView,
  type GiftView,
  type LotteryDrawView,
  type LotteryEntryView,
  type MyGiftClaim,
} from '@giftshop/shared';
import { UuidParam } from '../common/validation';
import { Caller, CurrentUser } from '../identity/auth.decorators';
import { ShipDto } from '../orders/orders.dto';
import { ClaimsService } from './claims.service';
import { GiftShippingService } from './gift-shipping.service';
import { ClaimGiftDto, CreateGiftDto, ListClaimsQuery, ListGiftsQuery } from './gifts.dto';
import { GiftViewsService } from './gift-views.service';
import { GiftsService } from './gifts.service';
import { toMyClaim } from './gift-views.service';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Sku } from '../catalog/sku.entity';
import { Fulfilment } from '../fulfilment/fulfilment.entity';
import { GiftClaim } from './gift.entity';
import { ApiIdempotencyKey, IdempotencyKeyHeader } from '../idempotency/idempotency-header';
import {
  ClaimResultDto,
  CreatedGiftDto,
  FulfilmentDto,
  GiftDto,
  LotteryDrawDto,
  LotteryEntryDto,
  MyGiftClaimDto,
} from './gift-view.dto';

@ApiTags('gifts')
@ApiBearerAuth()
@Controller()
export class GiftsController {
  constructor(
    private readonly gifts: GiftsService,
    private readonly claims: ClaimsService,
    private readonly views: GiftViewsService,
    private readonly shipping: GiftShippingService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Post('gifts')
  @ApiIdempotencyKey()
  @ApiCreatedResponse({
    type: CreatedGiftDto,
    description: 'Created, unpaid (status 0): pay with POST /api/orders/:orderId/pay',
  })
  create(
    @CurrentUser() caller: Caller,
    @Body() body: CreateGiftDto,
    @IdempotencyKeyHeader() key?: string,
  ): Promise<CreatedGiftView> {
    return this.gifts.create(caller.userId, body, key);
  }

  @Get('gifts')
  @ApiOkResponse({ type: [GiftDto], description: "The caller's gifts as giver or as recipient, with their states" })
  list(@CurrentUser() caller: Caller, @Query() query: ListGiftsQuery): Promise<GiftView[]> {
    return this.views.list(caller.userId, query.role ?? 'giver');
  }

  @Get('gifts/:id')
  @ApiOkResponse({
    type: GiftDto,
    description: 'Giver: units and claims without addresses; recipient: their claim; members: the card',
  })
  get(@CurrentUser() caller: Caller, @UuidParam('id') id: string): Promise<GiftView> {
    return this.views.get(caller.userId, id);
  }

  @Post('gifts/:id/claim')
  @HttpCode(200)
  @ApiOkResponse({
    type: ClaimResultDto,
    description: "The caller's claim, status 20. 409 when all claimed, already claimed, expired or not a winner.",
  })
  async claim(
    @CurrentUser() caller: Caller,
    @UuidParam('id') id: string,
    @Body() body: ClaimGiftDto,
  ): Promise<ClaimResponse> {
    const { claim, specs } = await this.claims.claim(caller.userId, id, body);
    // Just accepted: its parcel waits to be shipped.
    const parcel = { status: 'pending' as const, carrier: null, trackingNo: null };
    return { ...toMyClaim(claim, parcel, specs), giftId: id, status: GIFT_STATUS_CODES.accepted };
  }

  @Post('gifts/:id/decline')
  @HttpCode(200)
  @ApiOkResponse({ type: GiftDto, description: 'Single gift recipient only: the giver is refunded at once' })
  async decline(@CurrentUser() caller: Caller, @UuidParam('id') id: string): Promise<GiftView> {
    await this.claims.decline(caller.userId, id);
    return this.views.get(caller.userId, id);
  }

  @Post('gifts/:id/enter')
  @HttpCode(200)
  @ApiOkResponse({ type: LotteryEntryDto, description: 'Lottery, before the draw' })
  async enter(@CurrentUser() caller: Caller, @UuidParam('id') id: string): Promise<LotteryEntryView> {
    const entry = await this.claims.enter(caller.userId, id);
    return { giftId: entry.giftId, userId: entry.userId, enteredAt: entry.enteredAt.toISOString() };
  }

  @Get('gifts/:id/draw')
  @ApiOkResponse({ type: LotteryDrawDto, description: 'The draw: recompute it with drawWinners from @giftshop/shared' })
  draw(@CurrentUser() caller: Caller, @UuidParam('id') id: string): Promise<LotteryDrawView> {
    return this.views.draw(caller.userId, id);
  }

  @Get('shops/:shopId/gift-claims')
  @ApiOkResponse({
    type: [FulfilmentDto],
    description: 'Claimed units to ship, with the addresses (the shop owner only)',
  })
  fulfilments(
    @CurrentUser() caller: Caller,
    @UuidParam('shopId') shopId: string,
    @Query() query: ListClaimsQuery,
  ): Promise<FulfilmentView[]> {
    return this.shipping.listForShop(caller.userId, shopId, query.status);
  }

  @Post('gift-claims/:id/ship')
  @HttpCode(200)
  @ApiOkResponse({ type: MyGiftClaimDto, description: "The shop's merchant ships one claimed unit" })
  async ship(@CurrentUser() caller: Caller, @UuidParam('id') id: string, @Body() body: ShipDto): Promise<MyGiftClaim> {
    return this.myClaim(await this.shipping.ship(caller.userId, id, body));
  }

  @Post('gift-claims/:id/confirm-receipt')
  @HttpCode(200)
  @ApiOkResponse({ type: MyGiftClaimDto, description: 'The recipient confirms receipt' })
  async confirmReceipt(@CurrentUser() caller: Caller, @UuidParam('id') id: string): Promise<MyGiftClaim> {
    return this.myClaim(await this.shipping.confirmReceipt(caller.userId, id));
  }

  /** A claim as its recipient sees it, after its parcel moved. */
  private async myClaim(parcel: Fulfilment): Promise<MyGiftClaim> {
    const claim = await this.db.getRepository(GiftClaim).findOneByOrFail({ id: parcel.claimId as string });
    const sku = await this.db.getRepository(Sku).findOneByOrFail({ id: claim.skuId });
    return toMyClaim(claim, parcel, sku.specs);
  }
}
