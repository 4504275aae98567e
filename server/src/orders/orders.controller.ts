import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { OrderQuote, OrderView, Page, PayResponse, PlacedOrderView } from '@giftshop/shared';
import { UuidParam } from '../common/validation';
import { Caller, CurrentUser } from '../identity/auth.decorators';
import { ApiIdempotencyKey, IdempotencyKeyHeader } from '../idempotency/idempotency-header';
import { CreateOrderDto, ListOrdersQuery, QuoteOrderDto, ShipDto } from './orders.dto';
import { OrderDto, OrderPageDto, OrderQuoteDto, PayResultDto, PlacedOrderDto } from './order-view.dto';
import { OrderViewsService } from './order-views.service';
import { OrdersService } from './orders.service';

@ApiTags('orders')
@ApiBearerAuth()
@Controller()
export class OrdersController {
  constructor(
    private readonly orders: OrdersService,
    private readonly views: OrderViewsService,
  ) {}

  @Post('orders')
  @ApiIdempotencyKey()
  @ApiCreatedResponse({
    type: PlacedOrderDto,
    description: 'A pending order; stock is reserved. 409 SOLD_OUT when it is not there.',
  })
  create(
    @CurrentUser() caller: Caller,
    @Body() body: CreateOrderDto,
    @IdempotencyKeyHeader() key?: string,
  ): Promise<PlacedOrderView> {
    return this.orders.create(caller.userId, body, key);
  }

  @Post('orders/quote')
  @HttpCode(200)
  @ApiOkResponse({
    type: OrderQuoteDto,
    description:
      'What POST /api/orders with the same items, coupon and cards would charge now, with the caller’s coupons of the shop ranked for a picker; nothing is reserved. 409 SOLD_OUT (naming the line), COUPON_NOT_USABLE, GIFT_CARD_NOT_USABLE',
  })
  quote(@CurrentUser() caller: Caller, @Body() body: QuoteOrderDto): Promise<OrderQuote> {
    return this.orders.quote(caller.userId, body);
  }

  @Get('orders')
  @ApiOkResponse({ type: OrderPageDto, description: "The caller's orders as buyer, or a shop's as its merchant" })
  list(@CurrentUser() caller: Caller, @Query() query: ListOrdersQuery): Promise<Page<OrderView>> {
    return this.views.list(caller.userId, {
      role: query.role ?? 'buyer',
      shopId: query.shopId,
      limit: query.limit ?? 20,
      offset: query.offset ?? 0,
    });
  }

  @Get('orders/:id')
  @ApiOkResponse({ type: OrderDto, description: 'Buyer or merchant only; shows the latest after-sales case' })
  get(@CurrentUser() caller: Caller, @UuidParam('id') id: string): Promise<OrderView> {
    return this.views.get(caller.userId, id);
  }

  @Post('orders/:id/pay')
  @HttpCode(200)
  @ApiIdempotencyKey()
  @ApiOkResponse({ type: PayResultDto, description: 'Paid (the sandbox pays at once)' })
  pay(
    @CurrentUser() caller: Caller,
    @UuidParam('id') id: string,
    @IdempotencyKeyHeader() key?: string,
  ): Promise<PayResponse> {
    return this.orders.pay(caller.userId, id, key);
  }

  @Post('orders/:id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: OrderDto, description: 'Buyer, unpaid orders only; the stock returns' })
  cancel(@CurrentUser() caller: Caller, @UuidParam('id') id: string): Promise<OrderView> {
    return this.orders.cancel(caller.userId, id);
  }

  @Post('orders/:id/ship')
  @HttpCode(200)
  @ApiOkResponse({ type: OrderDto, description: "The shop's merchant ships a paid order" })
  ship(@CurrentUser() caller: Caller, @UuidParam('id') id: string, @Body() body: ShipDto): Promise<OrderView> {
    return this.orders.ship(caller.userId, id, body);
  }

  @Post('orders/:id/confirm-receipt')
  @HttpCode(200)
  @ApiOkResponse({ type: OrderDto, description: 'The buyer confirms receipt; the 7-day return window starts' })
  confirmReceipt(@CurrentUser() caller: Caller, @UuidParam('id') id: string): Promise<OrderView> {
    return this.orders.confirmReceipt(caller.userId, id);
  }
}
