import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { LoginResponse, MeView, UserView } from '@giftshop/shared';
import { IsOptional, IsString, Length, Matches } from 'class-validator';

export class LoginDto {
  @ApiProperty({ description: 'The WeChat openId the emulated wx.login exchange yields', example: 'o_alice' })
  @IsString()
  @Length(1, 64)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'openId may hold only letters, digits, _ and -' })
  openId!: string;

  @ApiPropertyOptional({ example: 'Alice' })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  nickname?: string;
}

export class WechatLoginDto {
  @ApiProperty({ description: 'The code wx.login just gave the mini program (valid once, for 5 minutes)' })
  @IsString()
  @Length(1, 128)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'code may hold only letters, digits, _ and -' })
  code!: string;
}

export class UserDto implements UserView {
  @ApiProperty() id!: string;
  @ApiProperty() openId!: string;
  @ApiProperty() nickname!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) avatarUrl?: string | null;
}

export class LoginResponseDto implements LoginResponse {
  @ApiProperty() token!: string;
  @ApiProperty({ type: UserDto }) user!: UserDto;
}

export class MeDto extends UserDto implements MeView {
  @ApiProperty({ type: [String] }) shopIds!: string[];
}
