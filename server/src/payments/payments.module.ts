import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/config';
import { DEFAULT_PAYMENT_PROVIDER, PAYMENT_PROVIDER_LIST, PaymentProviders } from './payment-providers';
import { PaymentsController } from './payments.controller';
import { PaymentsService } from './payments.service';
import { SandboxPaymentProvider } from './sandbox-payment.provider';

/** Payments and refunds. A new provider is one class implementing PaymentProvider, listed here. */
@Global()
@Module({
  controllers: [PaymentsController],
  providers: [
    PaymentsService,
    SandboxPaymentProvider,
    {
      provide: PAYMENT_PROVIDER_LIST,
      useFactory: (...providers: SandboxPaymentProvider[]) => providers,
      inject: [SandboxPaymentProvider],
    },
    {
      provide: DEFAULT_PAYMENT_PROVIDER,
      useFactory: (config: AppConfig) => config.paymentProvider,
      inject: [APP_CONFIG],
    },
    PaymentProviders,
  ],
  exports: [PaymentsService, PaymentProviders, SandboxPaymentProvider],
})
export class PaymentsModule {}
