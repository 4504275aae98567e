import { Module } from '@nestjs/common';
import { FriendsController } from './friends.controller';
import { FriendsService } from './friends.service';
import { SocialController } from './social.controller';
import { SocialService } from './social.service';

@Module({
  controllers: [SocialController, FriendsController],
  providers: [SocialService, FriendsService],
  exports: [SocialService],
})
export class SocialModule {}
