import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { GiftView, OrderView } from '@giftshop/shared';
import { UuidParam } from '../common/validation';
import { GiftDto } from '../gifts/gift-view.dto';
import { GiftViewsService } from '../gifts/gift-views.service';
import { Caller, CurrentUser } from '../identity/auth.decorators';
import { RefundRequestDto } from '../orders/orders.dto';
import { OrderDto } from '../orders/order-view.dto';
import { OrderViewsService } from '../orders/order-views.service';
import { AfterSalesService } from './after-sales.service';

@ApiTags('orders')
@ApiBearerAuth()
@Controller()
export class AfterSalesController {
  constructor(
    private readonly afterSales: AfterSalesService,
    private readonly orderViews: OrderViewsService,
    private readonly giftViews: GiftViewsService,
  ) {}

  @Post('orders/:id/refund')
  @HttpCode(200)
  @ApiExtraModels(OrderDto, GiftDto)
  @ApiOkResponse({
    schema: { oneOf: [{ $ref: getSchemaPath(OrderDto) }, { $ref: getSchemaPath(GiftDto) }] },
    description:
      "Before shipment: refunded at once. Within 7 days of delivery: a return for the merchant to approve. The buyer's order; for a gift's order, the recipient's view of the gift.",
  })
  async refund(
    @CurrentUser() caller: Caller,
    @UuidParam('id') id: string,
    @Body() body: RefundRequestDto,
  ): Promise<OrderView | GiftView> {
    const { order, fulfilment } = await this.afterSales.request(caller.userId, id, body.reason);
    // The order's view for its buyer; for a gift unit, the recipient's view of the gift.
    if (fulfilment.claimId) return this.giftViews.get(caller.userId, await this.giftViews.giftIdForOrder(order.id));
    return this.orderViews.view(this.orderViews.manager, order);
  }

  @Post('after-sales/:id/approve')
  @HttpCode(200)
  @ApiOkResponse({
    type: OrderDto,
    description: 'The merchant approves a return; the refund goes to the original payment',
  })
  async approve(@CurrentUser() caller: Caller, @UuidParam('id') id: string): Promise<OrderView> {
    return this.orderViews.view(this.orderViews.manager, await this.afterSales.approve(caller.userId, id));
  }

  @Post('after-sales/:id/reject')
  @HttpCode(200)
  @ApiOkResponse({ type: OrderDto, description: 'The merchant rejects a return' })
  async reject(@CurrentUser() caller: Caller, @UuidParam('id') id: string): Promise<OrderView> {
    return this.orderViews.view(this.orderViews.manager, await this.afterSales.reject(caller.userId, id));
  }
}
