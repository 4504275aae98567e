import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { Request } from 'express';

/**
 * Documents the optional `Idempotency-Key` header of a write that honours it. (Reading it with
 * `@Headers('idempotency-key')` would also document it, as a required header.)
 */
export const ApiIdempotencyKey = (): MethodDecorator =>
  ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Optional. The same key and body replays the first answer; the same key with another body is a 409',
  });

/** The request's `Idempotency-Key`, or undefined when it has none. */
export const IdempotencyKeyHeader = createParamDecorator((_: unknown, ctx: ExecutionContext): string | undefined => {
  const value = ctx.switchToHttp().getRequest<Request>().headers['idempotency-key'];
  return Array.isArray(value) ? value[0] : value;
});
