import { Body, Controller, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { CreateUserDto, LawyerProfileDto, UpdateUserDto, UserListQuery } from './dto/user.dto';
import { toUserView } from './user.view';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOperation({ summary: 'Create a user; a lawyer comes with a profile (licence number, firm, phone)' })
  async create(@Body() input: CreateUserDto) {
    return toUserView(await this.users.create(input));
  }

  @Get()
  @ApiOperation({ summary: 'Users, filtered by role, organisation (with those below it) and active' })
  async list(@Query() query: UserListQuery) {
    const page = await this.users.list(query);
    return { ...page, items: page.items.map(toUserView) };
  }

  @Get(':id')
  async get(@Param('id', UuidParam) id: string) {
    return toUserView(await this.users.get(id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename, move to another organisation, or deactivate a user' })
  async update(@Param('id', UuidParam) id: string, @Body() input: UpdateUserDto) {
    return toUserView(await this.users.update(id, input));
  }

  @Put(':id/lawyer-profile')
  @ApiOperation({ summary: "Set a lawyer's profile" })
  async setLawyerProfile(@Param('id', UuidParam) id: string, @Body() input: LawyerProfileDto) {
    return toUserView(await this.users.setLawyerProfile(id, input));
  }
}
