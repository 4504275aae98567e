import { DynamicModule, ExecutionContext, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { normalizeIp, ThrottlerModule, ThrottlerOptions } from '@nestjs/throttler';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config';
import type { AuthedRequest } from '../identity/auth.decorators';
import { PostgresThrottlerStorage } from './postgres-throttler.storage';
import { isUnlimited, Limit, LIMITED_ROUTES, LIMITS } from './rate-limits.policy';
import { RateLimitGuard } from './rate-limit.guard';

/** `METHOD /pattern` of the matched route, e.g. `POST /api/orders/:id/pay`. */
function routeOf(context: ExecutionContext): string {
  const req = context.switchToHttp().getRequest<Request>();
  return `${req.method} ${(req.route as { path?: string } | undefined)?.path}`;
}

/**
 * `req.ip` is the socket address unless TRUST_PROXY names the proxies allowed to set
 * X-Forwarded-For. IPv6 counts per /64, the block one subscriber usually holds.
 */
function addressOf(req: Request): string {
  return `address:${normalizeIp(req.ip ?? req.socket.remoteAddress ?? 'unknown')}`;
}

/** The user AuthGuard authenticated (it runs first); an anonymous caller counts by address. */
function callerOf(req: AuthedRequest): string {
  return req.caller ? `user:${req.caller.userId}` : addressOf(req);
}

function throttler(name: string, limit: Limit): ThrottlerOptions {
  return {
    name,
    limit: limit.limit,
    ttl: limit.ttlMs,
    blockDuration: 0, // a sliding window: Retry-After is when the oldest counted request leaves it
    skipIf:
      name === 'global'
        ? (context) => isUnlimited(routeOf(context))
        : (context) => LIMITED_ROUTES[routeOf(context)] !== name,
    getTracker: (req) => (limit.per === 'address' ? addressOf(req as Request) : callerOf(req as AuthedRequest)),
  };
}

/**
 * Request rate limits (rate-limits.policy.ts), counted in PostgreSQL so that every server process
 * (WEB_CONCURRENCY) counts against the same windows (PostgresThrottlerStorage). Without them (RATE_LIMITS=off) no guard is installed at all. Imported after IdentityModule so
 * this guard runs after AuthGuard and sees the caller.
 */
@Module({})
export class RateLimitsModule {
  static forRoot(config: AppConfig): DynamicModule {
    if (!config.rateLimits) return { module: RateLimitsModule };
    return {
      module: RateLimitsModule,
      imports: [
        ThrottlerModule.forRootAsync({
          inject: [DataSource],
          useFactory: (db: DataSource) => ({
            throttlers: Object.entries(LIMITS).map(([name, limit]) => throttler(name, limit)),
            generateKey: (_context, tracker, name) => `${name}:${tracker}`,
            setHeaders: false,
            storage: new PostgresThrottlerStorage(db),
          }),
        }),
      ],
      providers: [{ provide: APP_GUARD, useClass: RateLimitGuard }],
    };
  }
}
