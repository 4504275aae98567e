import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { LedgerView, WithdrawalView } from '@giftshop/shared';
import { IsInt, Min } from 'class-validator';
import { PageQuery } from '../common/page-query';
import { UuidParam } from '../common/validation';
import { Caller, CurrentUser } from '../identity/auth.decorators';
import { ApiIdempotencyKey, IdempotencyKeyHeader } from '../idempotency/idempotency-header';
import { LedgerDto, WithdrawalDto } from './ledger-view.dto';
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
  @ApiOkResponse({ type: LedgerDto, description: 'One page of entries, newest first, and the totals (owner only)' })
  view(
    @CurrentUser() caller: Caller,
    @UuidParam('shopId') shopId: string,
    @Query() page: PageQuery,
  ): Promise<LedgerView> {
    return this.ledger.view(caller.userId, shopId, page);
  }

  @Post('withdrawals')
  @ApiIdempotencyKey()
  @ApiCreatedResponse({
    type: WithdrawalDto,
    description: 'The withdrawal and the totals after it; 409 INSUFFICIENT_AVAILABLE over what is available',
  })
  withdraw(
    @CurrentUser() caller: Caller,
    @UuidParam('shopId') shopId: string,
    @Body() body: WithdrawDto,
    @IdempotencyKeyHeader() key?: string,
  ): Promise<WithdrawalView> {
    return this.ledger.withdraw(caller.userId, shopId, body.amountFen, key);
  }
}
