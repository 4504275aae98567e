import { Body, Controller, Get, Headers, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { LedgerView, WithdrawalView } from '@giftshop/shared';
import { IsInt, Min } from 'class-validator';
import { PageQuery } from '../common/page-query';
import { UuidParam } from '../common/validation';
import { Caller, CurrentUser } from '../identity/auth.decorators';
import { LedgerService } from './ledger.service';

class WithdrawDto {
  @ApiProperty({ description: 'Fen to withdraw; at most what is available' })
  // Checked from the bottom up: the type first, then the bound.
  @Min(1, { message: 'amountFen must be at least 1' })
  @IsInt({ message: 'amountFen must be a whole number of fen' })
  amountFen!: number;
}

@ApiTags('ledger')
@ApiBearerAuth()
@Controller('shops/:shopId')
export class LedgerController {
  constructor(private readonly ledger: LedgerService) {}

  @Get('ledger')
  @ApiOkResponse({
    description:
      '{entries (newest first, one page), total, totals:{paidFen, refundedFen, feeFen, pendingFen, availableFen, withdrawnFen}} (owner only)',
  })
  view(
    @CurrentUser() caller: Caller,
    @UuidParam('shopId') shopId: string,
    @Query() page: PageQuery,
  ): Promise<LedgerView> {
    return this.ledger.view(caller.userId, shopId, page);
  }

  @Post('withdrawals')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'The same key and body replays the first answer',
  })
  @ApiCreatedResponse({
    description: 'The withdrawal and the totals after it; 409 INSUFFICIENT_AVAILABLE over what is available',
  })
  withdraw(
    @CurrentUser() caller: Caller,
    @UuidParam('shopId') shopId: string,
    @Body() body: WithdrawDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<WithdrawalView> {
    return this.ledger.withdraw(caller.userId, shopId, body.amountFen, key);
  }
}
