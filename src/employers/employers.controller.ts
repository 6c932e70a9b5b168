import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../auth/auth.decorators';
import { ApiPageResponse } from '../common/http/api-responses';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { CreateEmployerDto, EmployerListQuery, SimilarQuery, UpdateEmployerDto } from './dto/employer.dto';
import { CreatedEmployerView, EmployerView, SimilarEmployerView, toCreatedEmployerView, toEmployerView } from './employer.view';
import { EmployersService } from './employers.service';

@ApiTags('employers')
@Controller('employers')
export class EmployersController {
  constructor(private readonly employers: EmployersService) {}

  @Post()
  @Requires('employers.edit')
  @ApiOperation({ summary: 'Register an employer; the credit code is checked and must be unique' })
  @ApiCreatedResponse({ type: CreatedEmployerView })
  async create(@Body() input: CreateEmployerDto) {
    const employer = await this.employers.create(input);
    // Near-duplicate names are shown, not refused: two companies can have similar names.
    return toCreatedEmployerView(employer, await this.employers.similar(employer.name, employer.id));
  }

  @Get('similar')
  @Requires('employers.read')
  @ApiOperation({ summary: 'Employers whose names look like this one (before registering a new one)' })
  @ApiOkResponse({ type: [SimilarEmployerView] })
  similar(@Query() query: SimilarQuery) {
    return this.employers.similar(query.name);
  }

  @Get()
  @Requires('employers.read')
  @ApiOperation({ summary: 'Employers, searched by name or credit code, filtered by kind, industry, district' })
  @ApiPageResponse(EmployerView)
  async list(@Query() query: EmployerListQuery) {
    const page = await this.employers.list(query);
    return { ...page, items: page.items.map(toEmployerView) };
  }

  @Get(':id')
  @Requires('employers.read')
  @ApiOkResponse({ type: EmployerView })
  async get(@Param('id', UuidParam) id: string) {
    return toEmployerView(await this.employers.get(id));
  }

  @Patch(':id')
  @Requires('employers.edit')
  @ApiOperation({ summary: 'Correct an employer; send the version you read' })
  @ApiOkResponse({ type: EmployerView })
  async update(@Param('id', UuidParam) id: string, @Body() input: UpdateEmployerDto) {
    return toEmployerView(await this.employers.update(id, input));
  }
}
