import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { EarningsView, EarningsWithdrawalView, SharerRowView } from '@giftshop/shared';
import { IsInt, Min } from 'class-validator';
import { UuidParam } from '../common/validation';
import { Caller, CurrentUser } from '../identity/auth.decorators';
import { ApiIdempotencyKey, IdempotencyKeyHeader } from '../idempotency/idempotency-header';
import { EarningsDto, EarningsWithdrawalDto, SharerRowDto } from './earnings-view.dto';
import { EarningsService } from './earnings.service';

class WithdrawEarningsDto {
  @ApiProperty({ description: 'Fen to withdraw; at most what is available' })
  @Min(1, { message: 'amountFen must be at least 1' })
  @IsInt({ message: 'amountFen must be a whole number of fen' })
  amountFen!: number;
}

@ApiTags('sharers')
@ApiBearerAuth()
@Controller()
export class EarningsController {
  constructor(private readonly earnings: EarningsService) {}

  @Get('me/earnings')
  @ApiOkResponse({ type: EarningsDto, description: "The caller's commissions as a sharer (推客), newest first" })
  mine(@CurrentUser() caller: Caller): Promise<EarningsView> {
    return this.earnings.earnings(caller.userId);
  }

  @Post('me/earnings/withdrawals')
  @ApiIdempotencyKey()
  @ApiCreatedResponse({
    type: EarningsWithdrawalDto,
    description: 'The withdrawal and the totals after it; 409 INSUFFICIENT_AVAILABLE over what is available',
  })
  withdraw(
    @CurrentUser() caller: Caller,
    @Body() body: WithdrawEarningsDto,
    @IdempotencyKeyHeader() key?: string,
  ): Promise<EarningsWithdrawalView> {
    return this.earnings.withdraw(caller.userId, body.amountFen, key);
  }

  @Get('shops/:shopId/sharers')
  @ApiOkResponse({ type: [SharerRowDto], description: 'Who sells for the shop, by GMV (owner only)' })
  sharers(@CurrentUser() caller: Caller, @UuidParam('shopId') shopId: string): Promise<SharerRowView[]> {
    return this.earnings.sharersOf(caller.userId, shopId);
  }
}
