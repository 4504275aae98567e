import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
  kind!: string;

  @ApiProperty({ description: 'nickname, units, entrants or winners (nicknames), by kind' })
  params!: Record<string, unknown>;
}

export class ChatLastMessageDto {
  @ApiProperty() senderId!: string;
  @ApiProperty({ enum: ['text', 'gift', 'product', 'system'] }) type!: string;
  @ApiPropertyOptional() text?: string;
  @ApiPropertyOptional({ type: ChatNoticeDto }) notice?: ChatNoticeDto;
  @ApiProperty() createdAt!: string;
}

export class ChatDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['direct', 'group'] }) type!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [String] }) memberIds!: string[];
  @ApiPropertyOptional({ type: ChatLastMessageDto }) lastMessage?: ChatLastMessageDto;
  @ApiProperty({ description: "Messages from others since the caller's last read" }) unreadCount!: number;
}

export class ChatReadDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: [0] }) unreadCount!: number;
}

export class MessageDto {
  @ApiProperty() id!: string;
  @ApiProperty() chatId!: string;
  @ApiProperty() senderId!: string;
  @ApiProperty({ enum: ['text', 'gift', 'product', 'system'] }) type!: string;
  @ApiPropertyOptional() text?: string;
  @ApiPropertyOptional({ type: ChatNoticeDto, description: 'system messages: what to say, as data' })
  notice?: ChatNoticeDto;
  @ApiPropertyOptional() giftId?: string;
  @ApiPropertyOptional() productId?: string;
  @ApiProperty() createdAt!: string;
}

export class FriendRequestResultDto {
  @ApiProperty({ enum: ['pending', 'friends'] }) status!: string;
  @ApiPropertyOptional({ description: 'Their direct chat, once friends' }) chatId?: string;
}

export class FriendRequestDto {
  @ApiProperty() id!: string;
  @ApiProperty() fromUserId!: string;
  @ApiProperty() nickname!: string;
  @ApiProperty() createdAt!: string;
}

export class FriendRequestDeclinedDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['declined'] }) status!: string;
}
