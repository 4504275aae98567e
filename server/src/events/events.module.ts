import { Global, Module } from '@nestjs/common';
import { EventBus } from './event-bus';

/** The domain event bus, one per process (global: every feature module publishes or subscribes). */
@Global()
@Module({ providers: [EventBus], exports: [EventBus] })
export class EventsModule {}
