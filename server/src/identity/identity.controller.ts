import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { LoginResponse, MeView } from '@giftshop/shared';
import { ApiErrorDto } from '../common/api-schema';
import { Caller, CurrentUser, Public } from './auth.decorators';
import { LoginDto, LoginResponseDto, MeDto, WechatLoginDto } from './identity.dto';
import { IdentityService } from './identity.service';

@ApiTags('identity')
@Controller()
export class IdentityController {
  constructor(private readonly identity: IdentityService) {}

  @Public()
  @Post('auth/wechat')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto, description: 'wx.login code traded through code2session' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'code is missing or malformed' })
  @ApiUnauthorizedResponse({
    type: ApiErrorDto,
    description: 'WECHAT_CODE_REJECTED: WeChat refused the code (bad or used)',
  })
  @ApiServiceUnavailableResponse({
    type: ApiErrorDto,
    description: 'WeChat unreachable (Retry-After) or login not configured',
  })
  wechat(@Body() body: WechatLoginDto): Promise<LoginResponse> {
    return this.identity.wechatLogin(body.code);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: MeDto })
  me(@CurrentUser() caller: Caller): Promise<MeView> {
    return this.identity.me(caller.userId);
  }
}

/** Routed only outside production or with ALLOW_DEV_LOGIN=1; elsewhere it is an unknown route. */
@ApiTags('identity')
@Controller()
export class DevLoginController {
  constructor(private readonly identity: IdentityService) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto, description: 'Sandbox login: the same openId is the same user' })
  login(@Body() body: LoginDto): Promise<LoginResponse> {
    return this.identity.devLogin(body.openId, body.nickname);
  }
}
