import { createSecretKey } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Shop } from '../catalog/shop.entity';
import { APP_CONFIG, AppConfig } from '../config/config';
import { AuthGuard } from './auth.guard';
import { IdentityController } from './identity.controller';
import { IdentityService } from './identity.service';
import { KnownUsers } from './known-users';
import { User } from './user.entity';

@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([User, Shop]),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      // A key object: given a string, jsonwebtoken first tries it as a PEM key on every call (~0.6 ms).
      useFactory: (config: AppConfig) => ({
        secret: createSecretKey(Buffer.from(config.jwtSecret)),
        signOptions: { expiresIn: '30d' },
      }),
    }),
  ],
  controllers: [IdentityController],
  providers: [IdentityService, KnownUsers, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [IdentityService, KnownUsers],
})
export class IdentityModule {}
