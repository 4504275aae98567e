import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { isUUID } from 'class-validator';
import { UnauthenticatedError } from '../common/domain-errors';
import { AuthedRequest, IS_PUBLIC } from './auth.decorators';
import { KnownUsers } from './known-users';

/** Every route needs a valid Bearer token unless it is marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
    private readonly knownUsers: KnownUsers,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    const header = request.headers.authorization;
    if (!header) {
      if (isPublic) return true;
      throw new UnauthenticatedError();
    }
    const [scheme, token] = header.split(' ');
    if (scheme !== 'Bearer' || !token) throw new UnauthenticatedError('Authorization must be "Bearer <token>"');
    const userId = this.userIdOf(token);
    // A token outlives a database reset; a user that is gone is no caller.
    if (!(await this.knownUsers.exists(userId))) {
      throw new UnauthenticatedError('the token names a user that no longer exists');
    }
    request.caller = { userId };
    return true;
  }

  /**
   * The user a token names. Its claims are checked, not trusted: an undefined `sub` would reach
   * queries as "no filter", and a token without `exp` would never end.
   */
  private userIdOf(token: string): string {
    let claims: { sub?: unknown; exp?: unknown };
    try {
      claims = this.jwt.verify<{ sub?: unknown; exp?: unknown }>(token, { algorithms: ['HS256'] });
    } catch {
      throw new UnauthenticatedError('the token is invalid or expired');
    }
    if (typeof claims.exp !== 'number') throw new UnauthenticatedError('the token has no expiry (exp)');
    if (typeof claims.sub !== 'string' || !isUUID(claims.sub)) {
      throw new UnauthenticatedError('the token names no user (sub)');
    }
    return claims.sub;
  }
}
