import { Global, Module } from '@nestjs/common';
import { PAYMENT_PROVIDER } from './payment-provider';
import { PaymentsController } from './payments.controller';
import { PaymentsService } from './payments.service';
import { SandboxPaymentProvider } from './sandbox-payment.provider';

@Global()
@Module({
  controllers: [PaymentsController],
  providers: [
    PaymentsService,
    SandboxPaymentProvider,
    { provide: PAYMENT_PROVIDER, useExisting: SandboxPaymentProvider },
  ],
  exports: [PaymentsService, SandboxPaymentProvider],
})
export class PaymentsModule {}
