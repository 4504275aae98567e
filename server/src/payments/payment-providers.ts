import { Inject, Injectable } from '@nestjs/common';
import { PaymentProvider } from './payment-provider';

/** Every provider this process can use (a Nest multi-provider list: add one to PaymentsModule). */
export const PAYMENT_PROVIDER_LIST = Symbol('PAYMENT_PROVIDER_LIST');

/** The provider new payments open with, by code (PAYMENT_PROVIDER; `sandbox` by default). */
export const DEFAULT_PAYMENT_PROVIDER = Symbol('DEFAULT_PAYMENT_PROVIDER');

/**
 * Payment providers registered by code (in the manner of Vendure's payment method handlers). A
 * payment remembers the code it was opened with, so everything later done to it — its
 * notification, its refunds — goes to the same provider, whichever is the default by then.
 */
@Injectable()
export class PaymentProviders {
  private readonly byCode = new Map<string, PaymentProvider>();
  readonly default: PaymentProvider;

  constructor(
    @Inject(PAYMENT_PROVIDER_LIST) providers: PaymentProvider[],
    @Inject(DEFAULT_PAYMENT_PROVIDER) defaultCode: string,
  ) {
    for (const provider of providers) this.register(provider);
    this.default = this.get(defaultCode);
  }

  register(provider: PaymentProvider): void {
    if (this.byCode.has(provider.name)) throw new Error(`payment provider ${provider.name} is registered twice`);
    this.byCode.set(provider.name, provider);
  }

  /** The provider stored on a payment. Unknown codes are a deployment error, not the caller's. */
  get(code: string): PaymentProvider {
    const provider = this.byCode.get(code);
    if (!provider) {
      throw new Error(`payment provider ${code} is not registered (known: ${[...this.byCode.keys()].join(', ')})`);
    }
    return provider;
  }

  codes(): string[] {
    return [...this.byCode.keys()];
  }
}
