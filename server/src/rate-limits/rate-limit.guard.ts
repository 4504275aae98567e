import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import type { Response } from 'express';
import { TooManyRequestsError } from '../common/domain-errors';
import { LIMITS } from './rate-limits.policy';

/**
 * @nestjs/throttler's guard, answering in the API's error shape with a plain `Retry-After`
 * (the library names it `Retry-After-<throttler>` for every throttler but the default one).
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    // Keys are `<limit name>:<tracker>` (see rate-limits.module.ts).
    const limit = LIMITS[detail.key.slice(0, detail.key.indexOf(':')) as keyof typeof LIMITS];
    const retryAfter = Math.max(1, detail.timeToBlockExpire);
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(retryAfter));
    throw new TooManyRequestsError(
      `too many ${limit.what}: at most ${limit.limit} per ${window(limit.ttlMs)}; retry in ${retryAfter} s`,
    );
  }
}

function window(ms: number): string {
  return ms % 3_600_000 === 0 ? `${ms / 3_600_000} h` : `${ms / 60_000} min`;
}
