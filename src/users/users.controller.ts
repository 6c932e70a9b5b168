import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Requires } from '../auth/auth.decorators';
import type { Actor } from '../auth/domain/actor';
import { ApiPageResponse } from '../common/http/api-responses';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { CreateUserDto, LawyerProfileDto, ResetPasswordDto, UpdateUserDto, UserListQuery } from './dto/user.dto';
import { UserView, toUserView } from './user.view';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Requires('users.manage')
  @ApiOperation({ summary: 'Create a user with an initial password; a lawyer comes with a profile' })
  @ApiCreatedResponse({ type: UserView })
  async create(@Body() input: CreateUserDto, @CurrentUser() actor: Actor) {
    return toUserView(await this.users.create(input, actor));
  }

  @Get()
  @Requires('users.read')
  @ApiOperation({ summary: 'Users in your scope, filtered by a role they hold, organisation (with those below it) and active' })
  @ApiPageResponse(UserView)
  async list(@Query() query: UserListQuery, @CurrentUser() actor: Actor) {
    const page = await this.users.list(query, actor.scope);
    return { ...page, items: page.items.map(toUserView) };
  }

  @Get(':id')
  @Requires('users.read')
  @ApiOkResponse({ type: UserView })
  async get(@Param('id', UuidParam) id: string, @CurrentUser() actor: Actor) {
    return toUserView(await this.users.get(id, actor.scope));
  }

  @Patch(':id')
  @Requires('users.manage')
  @ApiOperation({ summary: 'Rename, move to another organisation, change the roles (the whole list), or deactivate a user (their sessions end)' })
  @ApiOkResponse({ type: UserView })
  async update(@Param('id', UuidParam) id: string, @Body() input: UpdateUserDto, @CurrentUser() actor: Actor) {
    return toUserView(await this.users.update(id, input, actor));
  }

  @Post(':id/password')
  @HttpCode(204)
  @Requires('users.manage')
  @ApiOperation({ summary: "Reset a user's password; every session of theirs ends" })
  async resetPassword(@Param('id', UuidParam) id: string, @Body() input: ResetPasswordDto, @CurrentUser() actor: Actor) {
    await this.users.resetPassword(id, input.password, actor);
  }

  @Put(':id/lawyer-profile')
  @Requires('users.manage')
  @ApiOperation({ summary: "Set a lawyer's profile" })
  @ApiOkResponse({ type: UserView })
  async setLawyerProfile(@Param('id', UuidParam) id: string, @Body() input: LawyerProfileDto, @CurrentUser() actor: Actor) {
    return toUserView(await this.users.setLawyerProfile(id, input, actor.scope));
  }
}
