import { Controller, Headers, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { PaymentNotifyAck } from '@giftshop/shared';
import type { RawBodyRequest } from '@nestjs/common';
import type { Request } from 'express';
import { InvalidInputError } from '../common/domain-errors';
import { Public } from '../identity/auth.decorators';
import { PaymentsService } from './payments.service';

class PaymentNotifyAckDto implements PaymentNotifyAck {
  @ApiProperty({ enum: [true] }) received!: true;
  @ApiProperty({ description: 'The notification had been taken before; nothing changed' }) duplicate!: boolean;
}

@ApiTags('payments')
@Controller('payments')
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  /** The provider's signed notification. A bad signature is 401; a repeat changes nothing. */
  @Public()
  @Post('notify')
  @HttpCode(200)
  @ApiOkResponse({ type: PaymentNotifyAckDto, description: '401 when the signature is bad' })
  notify(@Req() req: RawBodyRequest<Request>, @Headers() headers: Record<string, string>): Promise<PaymentNotifyAck> {
    if (!req.rawBody) throw new InvalidInputError('MISSING_BODY', 'the notification body is missing');
    return this.payments.handleNotification({ rawBody: req.rawBody.toString('utf8'), headers });
  }
}
