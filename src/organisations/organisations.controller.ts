import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, Requires } from '../auth/auth.decorators';
import type { Actor } from '../auth/domain/actor';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { CreateOrganisationDto, UpdateOrganisationDto } from './dto/organisation.dto';
import { OrganisationView, toOrganisationView } from './organisation.view';
import { OrganisationsService } from './organisations.service';

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Post()
  @Requires('organisations.manage')
  @ApiOperation({ summary: 'Create an organisation below one in your scope' })
  @ApiCreatedResponse({ type: OrganisationView })
  async create(@Body() input: CreateOrganisationDto, @CurrentUser() actor: Actor) {
    return toOrganisationView(await this.organisations.create(input, actor.scope));
  }

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'Your organisation and those below it, in tree order, each with its depth' })
  @ApiOkResponse({ type: [OrganisationView] })
  async list(@CurrentUser() actor: Actor) {
    return (await this.organisations.list(actor.scope)).map(toOrganisationView);
  }

  @Get(':id')
  @Authenticated()
  @ApiOkResponse({ type: OrganisationView })
  async get(@Param('id', UuidParam) id: string, @CurrentUser() actor: Actor) {
    return toOrganisationView(await this.organisations.get(id, actor.scope));
  }

  @Patch(':id')
  @Requires('organisations.manage')
  @ApiOperation({ summary: 'Rename an organisation or move it (with everything below it) under another' })
  @ApiOkResponse({ type: OrganisationView })
  async update(@Param('id', UuidParam) id: string, @Body() input: UpdateOrganisationDto, @CurrentUser() actor: Actor) {
    return toOrganisationView(await this.organisations.update(id, input, actor.scope));
  }
}
