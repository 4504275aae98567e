import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';

export const IS_PUBLIC = 'isPublic';

/** The route needs no token; a token that is sent must still be valid. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

export interface Caller {
  userId: string;
}

export type AuthedRequest = Request & { caller?: Caller };

/** The authenticated caller (guaranteed on non-public routes). */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): Caller => {
  const caller = ctx.switchToHttp().getRequest<AuthedRequest>().caller;
  if (!caller) throw new Error('CurrentUser used on a route without a caller');
  return caller;
});

/** The caller when a token was sent, else undefined (for public routes). */
export const OptionalUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Caller | undefined => ctx.switchToHttp().getRequest<AuthedRequest>().caller,
);
