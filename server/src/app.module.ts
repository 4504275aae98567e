import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import { AnalyticsModule } from './analytics/analytics.module';
import { CatalogModule } from './catalog/catalog.module';
import { ClockModule } from './clock/clock.module';
import { LOG_REDACTIONS } from './common/logging';
import { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { GiftsModule } from './gifts/gifts.module';
import { GiftCardsModule } from './gift-cards/gift-cards.module';
import { GroupBuysModule } from './group-buys/group-buys.module';
import { AfterSalesModule } from './after-sales/after-sales.module';
import { FulfilmentModule } from './fulfilment/fulfilment.module';
import { HealthController } from './health/health.controller';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { IdentityModule } from './identity/identity.module';
import { JobsModule } from './jobs/jobs.module';
import { EventsModule } from './events/events.module';
import { AddressesModule } from './addresses/addresses.module';
import { OrdersModule } from './orders/orders.module';
import { PaymentsModule } from './payments/payments.module';
import { RateLimitsModule } from './rate-limits/rate-limits.module';
import { SearchModule } from './search/search.module';
import { SeedModule } from './seed/seed.module';
import { SocialModule } from './social/social.module';
import { TestHooksModule } from './testing/test-hooks.module';
import { UploadsModule } from './uploads/uploads.module';

@Module({})
export class AppModule {
  /**
   * The whole app for one validated configuration; test routes only when it enables them.
   * `logStream` replaces stdout as the log's destination (tests read it).
   */
  static forRoot(config: AppConfig, logStream?: DestinationStream): DynamicModule {
    const pinoOptions: PinoHttpOptions = {
      level: config.logLevel,
      autoLogging: config.logLevel === 'debug' || config.logLevel === 'trace',
      redact: { paths: [...LOG_REDACTIONS], censor: '[redacted]' },
      transport: process.stdout.isTTY && !config.production && !logStream ? { target: 'pino-pretty' } : undefined,
    };
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: logStream ? [pinoOptions, logStream] : pinoOptions,
        }),
        ClockModule,
        DatabaseModule,
        IdentityModule.forRoot(config),
        SocialModule,
        CatalogModule,
        JobsModule,
        EventsModule,
        IdempotencyModule,
        PaymentsModule,
        AddressesModule,
        OrdersModule,
        FulfilmentModule,
        GiftsModule,
        GroupBuysModule,
        GiftCardsModule,
        AfterSalesModule,
        AnalyticsModule,
        SearchModule,
        SeedModule,
        UploadsModule,
        ...(config.testHooks ? [TestHooksModule] : []),
        // Last, so its guard runs after AuthGuard and can count per user.
        RateLimitsModule.forRoot(config),
      ],
      controllers: [HealthController],
    };
  }
}
