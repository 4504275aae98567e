import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CouponFiguresView, CouponView, UserCouponView } from '@giftshop/shared';
import { UuidParam } from '../common/validation';
import { Caller, CurrentUser, OptionalUser, Public } from '../identity/auth.decorators';
import { ApiIdempotencyKey, IdempotencyKeyHeader } from '../idempotency/idempotency-header';
import { CouponDto, CouponFiguresDto, UserCouponDto } from './checkout-view.dto';
import { EndDto, IssueCouponDto, ListCouponsQuery, MyCouponsQuery } from './checkout.dto';
import { CouponsService } from './coupons.service';

@ApiTags('coupons')
@ApiBearerAuth()
@Controller()
export class CouponsController {
  constructor(private readonly coupons: CouponsService) {}

  @Post('shops/:shopId/coupons')
  @ApiCreatedResponse({ type: CouponDto, description: 'The shop owner issues a fixed number of a coupon' })
  issue(
    @CurrentUser() caller: Caller,
    @UuidParam('shopId') shopId: string,
    @Body() body: IssueCouponDto,
  ): Promise<CouponView> {
    return this.coupons.issue(caller.userId, shopId, body);
  }

  @Public()
  @Get('shops/:shopId/coupons')
  @ApiOkResponse({
    type: [CouponFiguresDto],
    description:
      'The coupons anyone may claim now (CouponView). scope=all: the owner only, every coupon with its figures',
  })
  list(
    @OptionalUser() caller: Caller | undefined,
    @UuidParam('shopId') shopId: string,
    @Query() query: ListCouponsQuery,
  ): Promise<CouponView[] | CouponFiguresView[]> {
    if (query.scope === 'all') return this.coupons.figures(caller?.userId ?? '', shopId);
    return this.coupons.claimable(shopId, caller?.userId ?? null);
  }

  @Patch('coupons/:id')
  @ApiOkResponse({ type: CouponDto, description: 'The owner ends it: no more claims; claimed ones stay usable' })
  end(@CurrentUser() caller: Caller, @UuidParam('id') id: string, @Body() _body: EndDto): Promise<CouponView> {
    return this.coupons.end(caller.userId, id);
  }

  @Post('coupons/:id/claim')
  @ApiIdempotencyKey()
  @ApiCreatedResponse({
    type: UserCouponDto,
    description: '领券. 409 SOLD_OUT (all claimed), LIMIT_REACHED (the per-user limit), COUPON_ENDED',
  })
  claim(
    @CurrentUser() caller: Caller,
    @UuidParam('id') id: string,
    @IdempotencyKeyHeader() key?: string,
  ): Promise<UserCouponView> {
    return this.coupons.claim(caller.userId, id, key);
  }

  @Get('me/coupons')
  @ApiOkResponse({ type: [UserCouponDto], description: "The caller's claimed coupons, newest first" })
  mine(@CurrentUser() caller: Caller, @Query() query: MyCouponsQuery): Promise<UserCouponView[]> {
    return this.coupons.mine(caller.userId, query.shopId);
  }
}
