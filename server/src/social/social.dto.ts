import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  ChatLastMessage,
  ChatNotice,
  ChatRead,
  ChatType,
  ChatView,
  FriendRequestDeclined,
  FriendRequestResult,
  FriendRequestView,
  MessageType,
  MessageView,
} from '@giftshop/shared';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsOptional,
  IsString,
  IsUUID,
  Length,
} from 'class-validator';
import { ApiTime, Describes } from '../common/api-schema';
import { MultiLine } from '../common/validation';

export class AddFriendDto {
  @ApiProperty({ description: 'The user to ask (or to accept, when they asked first)' })
  @IsUUID('all', { message: 'userId must be a UUID' })
  userId!: string;
}

export class CreateGroupDto {
  @ApiProperty({ example: '相亲相爱一家人' })
  @IsString()
  @Length(1, 30)
  name!: string;

  @ApiProperty({ type: [String], description: 'Friends to add; the caller joins as owner' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(499)
  @ArrayUnique({ message: 'memberIds must not repeat a user' })
  @IsUUID('all', { each: true, message: 'memberIds must hold UUIDs' })
  memberIds!: string[];
}

export class SendMessageDto {
  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  @MultiLine()
  text?: string;

  @ApiPropertyOptional({ description: 'Share a product card' })
  @IsOptional()
  @IsUUID('all', { message: 'productId must be a UUID' })
  productId?: string;
}

/** What a system message says, as data (a union by kind: see ChatNotice in @giftshop/shared). */
export class ChatNoticeDto {
  @ApiProperty({
    enum: [
      'group_created',
      'gift_claimed',
      'gift_all_claimed',
      'gift_declined',
      'gift_expired',
      'gift_refunded',
      'lottery_drawn',
    ],
  })
  kind!: ChatNotice['kind'];

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'name, nickname, units, entrants or winners (nicknames), by kind',
  })
  params!: Record<string, unknown>;
}
export type ChatNoticeDescribed = Describes<ChatNoticeDto, ChatNotice>;

const MESSAGE_TYPES: MessageType[] = ['text', 'gift', 'product', 'system'];

export class ChatLastMessageDto implements ChatLastMessage {
  @ApiProperty() senderId!: string;
  @ApiProperty({ enum: MESSAGE_TYPES }) type!: MessageType;
  @ApiPropertyOptional() text?: string;
  @ApiPropertyOptional({ type: ChatNoticeDto }) notice?: ChatNotice;
  @ApiTime() createdAt!: string;
}

export class ChatDto implements ChatView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['direct', 'group'] }) type!: ChatType;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [String] }) memberIds!: string[];
  @ApiPropertyOptional({ type: ChatLastMessageDto }) lastMessage?: ChatLastMessageDto;
  @ApiPropertyOptional({ description: "Messages from others since the caller's last read" }) unreadCount?: number;
}

export class ChatReadDto implements ChatRead {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: [0] }) unreadCount!: 0;
}

export class MessageDto implements MessageView {
  @ApiProperty() id!: string;
  @ApiProperty() chatId!: string;
  @ApiProperty() senderId!: string;
  @ApiProperty({ enum: MESSAGE_TYPES }) type!: MessageType;
  @ApiPropertyOptional() text?: string;
  @ApiPropertyOptional({ type: ChatNoticeDto, description: 'system messages: what to say, as data' })
  notice?: ChatNotice;
  @ApiPropertyOptional() giftId?: string;
  @ApiPropertyOptional() productId?: string;
  @ApiTime() createdAt!: string;
}

/** 202 {status: 'pending'} or 200 {status: 'friends', chatId} (a union: see FriendRequestResult). */
export class FriendRequestResultDto {
  @ApiProperty({ enum: ['pending', 'friends'] }) status!: FriendRequestResult['status'];
  @ApiPropertyOptional({ description: 'Their direct chat, once friends' }) chatId?: string;
}
export type FriendRequestResultDescribed = Describes<FriendRequestResultDto, FriendRequestResult>;

export class FriendRequestDto implements FriendRequestView {
  @ApiProperty() id!: string;
  @ApiProperty() fromUserId!: string;
  @ApiProperty() nickname!: string;
  @ApiTime() createdAt!: string;
}

export class FriendRequestDeclinedDto implements FriendRequestDeclined {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['declined'] }) status!: 'declined';
}
