import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../auth/auth.decorators';
import { ApiPageResponse } from '../common/http/api-responses';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { CreateProjectDto, ProjectListQuery } from './dto/project.dto';
import { ProjectView, toProjectView } from './project.view';
import { ProjectsService } from './projects.service';

@ApiTags('projects')
@Controller('projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Post()
  @Requires('employers.edit')
  @ApiOperation({ summary: 'Register a project with its owner, general contractor and subcontracting chain' })
  @ApiCreatedResponse({ type: ProjectView })
  async create(@Body() input: CreateProjectDto) {
    return toProjectView(await this.projects.create(input));
  }

  @Get()
  @Requires('employers.read')
  @ApiPageResponse(ProjectView)
  async list(@Query() query: ProjectListQuery) {
    const page = await this.projects.list(query);
    return { ...page, items: page.items.map(toProjectView) };
  }

  @Get(':id')
  @Requires('employers.read')
  @ApiOkResponse({ type: ProjectView })
  async get(@Param('id', UuidParam) id: string) {
    return toProjectView(await this.projects.get(id));
  }
}
