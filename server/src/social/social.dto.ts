import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type {
  ChatLastMessage,
  ChatNotice,
  ChatNoticeKind,
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
import { ApiTime } from '../common/api-schema';
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

const TEXT = { type: 'string' } as const;
const COUNT = { type: 'integer' } as const;

/** Each notice's parameters by kind: keyed by ChatNoticeKind, so a new kind must be described here. */
const NOTICE_PARAMS: Record<ChatNoticeKind, Record<string, SchemaObject>> = {
  group_created: { name: TEXT },
  gift_claimed: { nickname: TEXT },
  gift_all_claimed: { units: COUNT },
  gift_declined: { nickname: TEXT },
  gift_expired: { units: COUNT },
  gift_refunded: { units: COUNT },
  lottery_drawn: { entrants: COUNT, winners: { type: 'array', items: TEXT, description: "The winners' nicknames" } },
  team_formed: { groupSize: COUNT },
  team_failed: { paid: COUNT },
  gift_card_claimed: { nickname: TEXT },
  gift_card_refunded: { title: TEXT },
};

/** What a system message says, as data: one schema per kind (ChatNotice in @giftshop/shared). */
const CHAT_NOTICE: ApiPropertyOptions = {
  description: 'System messages: what to say, as data, so each client words it in its language',
  oneOf: Object.entries(NOTICE_PARAMS).map(([kind, params]) => ({
    type: 'object',
    required: ['kind', 'params'],
    properties: {
      kind: { type: 'string', enum: [kind] },
      params: { type: 'object', required: Object.keys(params), properties: params },
    },
  })),
};

const MESSAGE_TYPES: MessageType[] = ['text', 'gift', 'product', 'group_buy', 'gift_card', 'system'];

export class ChatLastMessageDto implements ChatLastMessage {
  @ApiProperty() senderId!: string;
  @ApiProperty({ enum: MESSAGE_TYPES }) type!: MessageType;
  @ApiPropertyOptional() text?: string;
  @ApiPropertyOptional(CHAT_NOTICE) notice?: ChatNotice;
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
  @ApiPropertyOptional(CHAT_NOTICE) notice?: ChatNotice;
  @ApiPropertyOptional() giftId?: string;
  @ApiPropertyOptional() productId?: string;
  @ApiPropertyOptional({ description: 'A 拼团 card (type group_buy) and its team notices' }) teamId?: string;
  @ApiPropertyOptional({ description: 'A 节日礼券 (type gift_card) and its notices' }) giftCardId?: string;
  @ApiTime() createdAt!: string;
}

type FriendRequestPending = Extract<FriendRequestResult, { status: 'pending' }>;
type FriendsNow = Extract<FriendRequestResult, { status: 'friends' }>;

/** 202: the request waits for the other to ask back. */
export class FriendRequestPendingDto implements FriendRequestPending {
  @ApiProperty({ enum: ['pending'] }) status!: 'pending';
}

/** 200: both asked; they are friends and their direct chat is open. */
export class FriendsNowDto implements FriendsNow {
  @ApiProperty({ enum: ['friends'] }) status!: 'friends';
  @ApiProperty({ description: 'Their direct chat' }) chatId!: string;
}

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
