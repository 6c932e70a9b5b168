import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Requires } from '../auth/auth.decorators';
import type { Actor } from '../auth/domain/actor';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { CallbackPolicyView, CallbackView, toCallbackView } from './callback.view';
import { CallbacksService } from './callbacks.service';
import { AnswerCallbackDto, CallbackPolicyDto, DueCallbacksQuery, FollowUpCallbackDto } from './dto/callback.dto';

@ApiTags('callbacks')
@Controller()
export class CallbacksController {
  constructor(private readonly callbacks: CallbacksService) {}

  @Get('cases/:caseId/callbacks')
  @Requires('cases.read')
  @ApiOperation({ summary: "The case's callbacks after closing (回访), newest first" })
  @ApiOkResponse({ type: [CallbackView] })
  async ofCase(@Param('caseId', UuidParam) caseId: string, @CurrentUser() actor: Actor): Promise<CallbackView[]> {
    return (await this.callbacks.ofCase(caseId, actor.scope)).map(toCallbackView);
  }

  @Post('cases/:caseId/callbacks/:callbackId/answer')
  @HttpCode(200)
  @Requires('callbacks.record')
  @ApiOperation({
    summary: 'Record a callback: reached or not, and how satisfied',
    description: 'A callback is recorded once (409 CALLBACK_ALREADY_ANSWERED). "not_satisfied" brings the case to the leaders of its scope: their dashboard and a reminder until one follows it up.',
  })
  @ApiOkResponse({ type: CallbackView })
  async answer(
    @Param('caseId', UuidParam) caseId: string,
    @Param('callbackId', UuidParam) callbackId: string,
    @Body() input: AnswerCallbackDto,
    @CurrentUser() actor: Actor,
  ): Promise<CallbackView> {
    return toCallbackView(await this.callbacks.answer(caseId, callbackId, input, actor));
  }

  @Post('cases/:caseId/callbacks/:callbackId/follow-up')
  @HttpCode(200)
  @Requires('callbacks.follow_up')
  @ApiOperation({ summary: 'A leader records what was done about a "not satisfied" callback' })
  @ApiOkResponse({ type: CallbackView })
  async followUp(
    @Param('caseId', UuidParam) caseId: string,
    @Param('callbackId', UuidParam) callbackId: string,
    @Body() input: FollowUpCallbackDto,
    @CurrentUser() actor: Actor,
  ): Promise<CallbackView> {
    return toCallbackView(await this.callbacks.followUp(caseId, callbackId, input, actor));
  }

  @Get('callbacks/due')
  @Requires('cases.read')
  @ApiOperation({ summary: 'Callbacks of your scope due by today and not yet made (at most 200, the earliest first)' })
  @ApiOkResponse({ type: [CallbackView] })
  async due(@Query() query: DueCallbacksQuery, @CurrentUser() actor: Actor): Promise<CallbackView[]> {
    return (await this.callbacks.due(actor, query.mine === true)).map(toCallbackView);
  }

  @Get('callbacks/unsatisfied')
  @Requires('cases.read')
  @ApiOperation({ summary: 'Callbacks of your scope answered "not satisfied" that no leader has followed up (at most 200, the oldest first)' })
  @ApiOkResponse({ type: [CallbackView] })
  async unsatisfied(@CurrentUser() actor: Actor): Promise<CallbackView[]> {
    return (await this.callbacks.unsatisfied(actor.scope)).map(toCallbackView);
  }

  @Get('callback-policy')
  @Requires('cases.read')
  @ApiOperation({ summary: 'How many days after closing a callback is due' })
  @ApiOkResponse({ type: CallbackPolicyView })
  async policy(): Promise<CallbackPolicyView> {
    return { daysAfterClosing: await this.callbacks.daysAfterClosing() };
  }

  @Put('callback-policy')
  @Requires('rules.manage')
  @ApiOperation({ summary: 'Set how many days after closing a callback is due (cases closed from now on)' })
  @ApiOkResponse({ type: CallbackPolicyView })
  async setPolicy(@Body() input: CallbackPolicyDto): Promise<CallbackPolicyView> {
    return { daysAfterClosing: await this.callbacks.setDaysAfterClosing(input.daysAfterClosing) };
  }
}
