import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { UpdateWorkerDto, WorkerInputDto, WorkerListQuery } from './dto/worker.dto';
import { toWorkerView } from './worker.view';
import { WorkersService } from './workers.service';

@ApiTags('workers')
@Controller('workers')
export class WorkersController {
  constructor(private readonly workers: WorkersService) {}

  @Post()
  @ApiOperation({ summary: 'Register a worker (the id number is checked and unique)' })
  async create(@Body() input: WorkerInputDto) {
    return toWorkerView(await this.workers.create(input));
  }

  @Get()
  @ApiOperation({ summary: 'Workers, searched by part of the name or a whole id number' })
  async list(@Query() query: WorkerListQuery) {
    const page = await this.workers.list(query);
    return { ...page, items: page.items.map(toWorkerView) };
  }

  @Get(':id')
  async get(@Param('id', UuidParam) id: string) {
    return toWorkerView(await this.workers.get(id));
  }

  @Patch(':id')
  @ApiOperation({ summary: "Correct a worker's name, mobile or home province; send the version you read" })
  async update(@Param('id', UuidParam) id: string, @Body() input: UpdateWorkerDto) {
    return toWorkerView(await this.workers.update(id, input));
  }
}
