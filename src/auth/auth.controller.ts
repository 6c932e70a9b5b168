import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { shanghaiTimestamp } from '../common/time/shanghai';
import { Authenticated, Public } from './auth.decorators';
import { AuthService, AuthenticatedUser, ClientInfo, TokenPair } from './auth.service';
import { ChangePasswordDto, LoginDto, RefreshDto } from './dto/auth.dto';

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
  async login(@Body() input: LoginDto, @Req() request: FastifyRequest) {
    const { user, ...tokens } = await this.auth.login(input.username, input.password, clientOf(request));
    return { ...toTokenView(tokens), user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role, organisationId: user.scope.organisationId } };
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for a new token pair (the old pair stops working)' })
  async refresh(@Body() input: RefreshDto) {
    return toTokenView(await this.auth.refresh(input.refreshToken));
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
  me(@Req() request: AuthedRequest) {
    const { user } = request;
    return { id: user.id, username: user.username, displayName: user.displayName, role: user.role, organisationId: user.scope.organisationId };
  }
}

export function clientOf(request: FastifyRequest): ClientInfo {
  return { address: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null };
}

function toTokenView(tokens: TokenPair) {
  return {
    tokenType: 'Bearer',
    accessToken: tokens.accessToken,
    accessExpiresAt: shanghaiTimestamp(tokens.accessExpiresAt),
    refreshToken: tokens.refreshToken,
    refreshExpiresAt: shanghaiTimestamp(tokens.refreshExpiresAt),
  };
}
