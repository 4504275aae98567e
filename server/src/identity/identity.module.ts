import { createSecretKey } from 'node:crypto';
import { DynamicModule, Global, Inject, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Shop } from '../catalog/shop.entity';
import { APP_CONFIG, AppConfig } from '../config/config';
import { AuthGuard } from './auth.guard';
import { DevLoginController, IdentityController } from './identity.controller';
import { IDENTITY_PROVIDER } from './identity-provider';
import { IdentityService } from './identity.service';
import { KnownUsers } from './known-users';
import { User } from './user.entity';
import { WechatCode2Session } from './wechat-code2session';

/** Says at every start that a production server lets anyone log in as anyone. */
class DevLoginWarning implements OnApplicationBootstrap {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  onApplicationBootstrap(): void {
    if (!this.config.production || !this.config.devLogin) return;
    new Logger('Identity').warn(
      'ALLOW_DEV_LOGIN=1 in production: POST /api/auth/login lets anyone log in as any user. Demo use only.',
    );
  }
}

@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([User, Shop]),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      // A key object: given a string, jsonwebtoken first tries it as a PEM key on every call (~0.6 ms).
      useFactory: (config: AppConfig) => ({ secret: createSecretKey(Buffer.from(config.jwtSecret)) }),
    }),
  ],
  providers: [
    IdentityService,
    KnownUsers,
    { provide: IDENTITY_PROVIDER, useClass: WechatCode2Session },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [IdentityService, KnownUsers],
})
export class IdentityModule {
  /** The sandbox login is routed only where the configuration allows it: elsewhere it is a 404. */
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: IdentityModule,
      controllers: [IdentityController, ...(config.devLogin ? [DevLoginController] : [])],
      providers: [DevLoginWarning],
    };
  }
}
