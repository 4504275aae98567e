import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { ChatRead, ChatView, MessageView } from '@giftshop/shared';
import { Type } from 'class-transformer';
import { IsDate, IsInt, IsOptional, Max, Min } from 'class-validator';
import { UuidParam } from '../common/validation';
import { Caller, CurrentUser } from '../identity/auth.decorators';
import { ChatDto, ChatReadDto, CreateGroupDto, MessageDto, SendMessageDto } from './social.dto';
import { SocialService } from './social.service';

class MessagesQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'before must be an ISO-8601 time' })
  before?: Date;
}

@ApiTags('social')
@ApiBearerAuth()
@Controller()
export class SocialController {
  constructor(private readonly social: SocialService) {}

  @Post('groups')
  @ApiCreatedResponse({ type: ChatDto })
  createGroup(@CurrentUser() caller: Caller, @Body() body: CreateGroupDto): Promise<ChatView> {
    return this.social.createGroup(caller.userId, body.name, body.memberIds);
  }

  @Get('chats')
  @ApiOkResponse({ type: [ChatDto] })
  listChats(@CurrentUser() caller: Caller): Promise<ChatView[]> {
    return this.social.listChats(caller.userId);
  }

  @Get('chats/:id')
  @ApiOkResponse({ type: ChatDto })
  getChat(@CurrentUser() caller: Caller, @UuidParam('id') id: string): Promise<ChatView> {
    return this.social.getChat(caller.userId, id);
  }

  @Get('chats/:id/messages')
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'before', required: false })
  @ApiOkResponse({ type: [MessageDto], description: 'Oldest first; members only' })
  listMessages(
    @CurrentUser() caller: Caller,
    @UuidParam('id') id: string,
    @Query() query: MessagesQuery,
  ): Promise<MessageView[]> {
    return this.social.listMessages(caller.userId, id, { limit: query.limit ?? 50, before: query.before });
  }

  @Post('chats/:id/read')
  @HttpCode(200)
  @ApiOkResponse({ type: ChatReadDto, description: 'Marks the chat read up to now; members only' })
  markRead(@CurrentUser() caller: Caller, @UuidParam('id') id: string): Promise<ChatRead> {
    return this.social.markRead(caller.userId, id);
  }

  @Post('chats/:id/messages')
  @ApiCreatedResponse({ type: MessageDto })
  sendMessage(
    @CurrentUser() caller: Caller,
    @UuidParam('id') id: string,
    @Body() body: SendMessageDto,
  ): Promise<MessageView> {
    return this.social.sendMessage(caller.userId, id, body);
  }
}
