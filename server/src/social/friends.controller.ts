import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FriendRequestDeclined, FriendRequestResult, FriendRequestView } from '@giftshop/shared';
import type { Response } from 'express';
import { UuidParam } from '../common/validation';
import { ApiErrorDto } from '../common/api-schema';
import { Caller, CurrentUser } from '../identity/auth.decorators';
import { FriendsService } from './friends.service';
import {
  AddFriendDto,
  FriendRequestDeclinedDto,
  FriendRequestDto,
  FriendRequestPendingDto,
  FriendsNowDto,
} from './social.dto';

@ApiTags('social')
@ApiBearerAuth()
@Controller()
export class FriendsController {
  constructor(private readonly friends: FriendsService) {}

  @Post('friends')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: FriendRequestPendingDto, description: 'The request waits for the other to ask back' })
  @ApiOkResponse({ type: FriendsNowDto, description: 'Both asked: friends, with their direct chat' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'CANNOT_FRIEND_SELF, or userId is not a UUID' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'USER_NOT_FOUND' })
  async ask(
    @CurrentUser() caller: Caller,
    @Body() body: AddFriendDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<FriendRequestResult> {
    const result = await this.friends.ask(caller.userId, body.userId);
    if (result.status === 'friends') res.status(200);
    return result;
  }

  @Get('friend-requests')
  @ApiOkResponse({ type: [FriendRequestDto], description: 'Requests waiting for the caller, newest first' })
  incoming(@CurrentUser() caller: Caller): Promise<FriendRequestView[]> {
    return this.friends.incoming(caller.userId);
  }

  @Post('friend-requests/:id/decline')
  @HttpCode(200)
  @ApiOkResponse({ type: FriendRequestDeclinedDto })
  @ApiNotFoundResponse({
    type: ApiErrorDto,
    description: 'FRIEND_REQUEST_NOT_FOUND: no such request addressed to the caller',
  })
  decline(@CurrentUser() caller: Caller, @UuidParam('id') id: string): Promise<FriendRequestDeclined> {
    return this.friends.decline(caller.userId, id);
  }
}
