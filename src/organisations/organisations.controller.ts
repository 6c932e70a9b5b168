import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { CreateOrganisationDto, UpdateOrganisationDto } from './dto/organisation.dto';
import { OrganisationsService } from './organisations.service';
import { toOrganisationView } from './organisation.view';

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Post()
  @ApiOperation({ summary: 'Create an organisation (city federation, district federation, industry union, service center)' })
  async create(@Body() input: CreateOrganisationDto) {
    return toOrganisationView(await this.organisations.create(input));
  }

  @Get()
  @ApiOperation({ summary: 'All organisations in tree order, each with its depth' })
  async list() {
    return (await this.organisations.list()).map(toOrganisationView);
  }

  @Get(':id')
  async get(@Param('id', UuidParam) id: string) {
    return toOrganisationView(await this.organisations.get(id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename an organisation or move it (with everything below it) under another' })
  async update(@Param('id', UuidParam) id: string, @Body() input: UpdateOrganisationDto) {
    return toOrganisationView(await this.organisations.update(id, input));
  }
}
