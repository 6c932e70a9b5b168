import { Body, Controller, Get, HttpCode, Post, Put, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Authenticated, Public } from './auth.decorators';
import { AuthService, AuthenticatedUser, ClientInfo } from './auth.service';
import { CurrentUserView, LoginView, TokenPairView, toCurrentUserView, toLoginView, toTokenPairView } from './auth.view';
import { ChangePasswordDto, LoginDto, RefreshDto, PreferencesDto } from './dto/auth.dto';

type AuthedRequest = FastifyRequest & { user: AuthenticatedUser };

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Log in with username and password; answers an access token (short-lived) and a refresh token',
    description: 'Repeated failures slow down, then lock the account for 15 minutes (429 with Retry-After).',
  })
  @ApiOkResponse({ type: LoginView })
  async login(@Body() input: LoginDto, @Req() request: FastifyRequest) {
    return toLoginView(await this.auth.login(input.username, input.password, clientOf(request)));
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for a new token pair (the old pair stops working)' })
  @ApiOkResponse({ type: TokenPairView })
  async refresh(@Body() input: RefreshDto) {
    return toTokenPairView(await this.auth.refresh(input.refreshToken));
  }

  @Post('logout')
  @Authenticated()
  @HttpCode(204)
  @ApiOperation({ summary: 'End this session: its tokens stop working at once' })
  async logout(@Req() request: AuthedRequest) {
    await this.auth.logout(request.user, clientOf(request));
  }

  @Post('password')
  @Authenticated()
  @HttpCode(204)
  @ApiOperation({ summary: 'Change your password; every session of yours ends, log in again' })
  async changePassword(@Body() input: ChangePasswordDto, @Req() request: AuthedRequest) {
    await this.auth.changePassword(request.user, input.currentPassword, input.newPassword);
  }

  @Get('me')
  @Authenticated()
  @ApiOperation({ summary: 'Who is logged in' })
  @ApiOkResponse({ type: CurrentUserView })
  me(@Req() request: AuthedRequest) {
    return toCurrentUserView(request.user);
  }

  @Put('me/preferences')
  @Authenticated()
  @HttpCode(204)
  @ApiOperation({ summary: 'Your own settings: the language of the pages and of the messages' })
  async setPreferences(@Body() input: PreferencesDto, @Req() request: AuthedRequest) {
    await this.auth.setLocale(request.user, input.locale);
  }
}

export function clientOf(request: FastifyRequest): ClientInfo {
  return { address: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null };
}
