import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { LoginResponse, MeView } from '@giftshop/shared';
import { Caller, CurrentUser, Public } from './auth.decorators';
import { LoginDto, LoginResponseDto, MeDto } from './identity.dto';
import { IdentityService } from './identity.service';

@ApiTags('identity')
@Controller()
export class IdentityController {
  constructor(private readonly identity: IdentityService) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto, description: 'Emulated wx.login: the same openId is the same user' })
  login(@Body() body: LoginDto): Promise<LoginResponse> {
    return this.identity.login(body.openId, body.nickname);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: MeDto })
  me(@CurrentUser() caller: Caller): Promise<MeView> {
    return this.identity.me(caller.userId);
  }
}
