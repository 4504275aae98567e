import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { SeedModule } from '../seed/seed.module';
import { SharedTestClock, SharedTestClockMiddleware } from './shared-test-clock';
import { TestHooksController } from './test-hooks.controller';

@Module({ imports: [SeedModule], controllers: [TestHooksController], providers: [SharedTestClock] })
export class TestHooksModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(SharedTestClockMiddleware).forRoutes('{*path}');
  }
}
