import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentUser, Requires } from '../auth/auth.decorators';
import type { Actor } from '../auth/domain/actor';
import { ApiPageResponse } from '../common/http/api-responses';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { RevealDto, UpdateWorkerDto, WorkerInputDto, WorkerListQuery } from './dto/worker.dto';
import { RevealView, WorkerView, toRevealView, toWorkerView } from './worker.view';
import { WorkersService } from './workers.service';

@ApiTags('workers')
@Controller('workers')
export class WorkersController {
  constructor(private readonly workers: WorkersService) {}

  @Post()
  @Requires('workers.edit')
  @ApiOperation({ summary: 'Register a worker (the id number is checked and unique)' })
  @ApiCreatedResponse({ type: WorkerView })
  async create(@Body() input: WorkerInputDto, @CurrentUser() actor: Actor) {
    return toWorkerView(await this.workers.create(input, actor.scope));
  }

  @Get()
  @Requires('workers.read')
  @ApiOperation({ summary: 'Workers in your scope, by part of the name or a whole id number; numbers masked' })
  @ApiPageResponse(WorkerView)
  async list(@Query() query: WorkerListQuery, @CurrentUser() actor: Actor) {
    const page = await this.workers.list(query, actor.scope);
    return { ...page, items: page.items.map(toWorkerView) };
  }

  @Get(':id')
  @Requires('workers.read')
  @ApiOkResponse({ type: WorkerView })
  async get(@Param('id', UuidParam) id: string, @CurrentUser() actor: Actor) {
    return toWorkerView(await this.workers.get(id, actor.scope));
  }

  @Patch(':id')
  @Requires('workers.edit')
  @ApiOperation({ summary: "Correct a worker's name, mobile or home province; send the version you read" })
  @ApiOkResponse({ type: WorkerView })
  async update(@Param('id', UuidParam) id: string, @Body() input: UpdateWorkerDto, @CurrentUser() actor: Actor) {
    return toWorkerView(await this.workers.update(id, input, actor.scope));
  }

  @Post(':id/reveal')
  @HttpCode(200)
  // a full id number or mobile must not stay in a browser's or a proxy's cache
  @Header('cache-control', 'no-store')
  @Requires('workers.reveal')
  @ApiOperation({ summary: 'Show a full id number or mobile number; written to the audit log' })
  @ApiOkResponse({ type: RevealView })
  async reveal(
    @Param('id', UuidParam) id: string,
    @Body() input: RevealDto,
    @CurrentUser() actor: Actor,
    @Req() request: FastifyRequest,
  ) {
    return toRevealView(input.field, await this.workers.reveal(id, input.field, actor, request.ip ?? null));
  }
}
