import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, Requires } from '../auth/auth.decorators';
import type { Actor } from '../auth/domain/actor';
import { AppError } from '../common/errors/app-error';
import { ApiPageResponse } from '../common/http/api-responses';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { Clock } from '../common/time/clock';
import { shanghaiDate } from '../common/time/shanghai';
import { DEFAULT_RULES, REMINDER_KINDS, ReminderKind } from './domain/reminder-policy';
import { CHANNELS, Channel } from './channels';
import { DeliveryService } from './delivery.service';
import { ChannelDto, DeliveryListQuery, InboxQuery, PreviewQuery, RuleDto, SweepDto } from './dto/reminders.dto';
import { RemindersService } from './reminders.service';
import {
  ChannelTestView,
  DeliveryRunView,
  DeliveryView,
  InboxReminderView,
  MarkedReadView,
  NotificationChannelView,
  ReminderRuleView,
  SweepPreviewView,
  SweepView,
  UnreadCountView,
  toReminderRuleView,
  toSweepPreviewView,
  toSweepView,
} from './reminders.view';

@ApiTags('reminders')
@Controller()
export class RemindersController {
  constructor(
    private readonly reminders: RemindersService,
    private readonly delivery: DeliveryService,
    private readonly clock: Clock,
  ) {}

  @Get('me/channels')
  @Authenticated()
  @ApiOperation({ summary: 'Where your reminders go besides the inbox: e-mail, a WeCom group robot, a webhook' })
  @ApiOkResponse({ type: [NotificationChannelView] })
  channels(@CurrentUser() actor: Actor) {
    return this.delivery.channelsOf(actor.id);
  }

  @Put('me/channels/:channel')
  @HttpCode(204)
  @Authenticated()
  @ApiParam({ name: 'channel', enum: CHANNELS, enumName: 'Channel' })
  @ApiOperation({ summary: 'Send your reminders to this channel too (or stop, with enabled: false)' })
  async setChannel(@Param('channel') channel: string, @Body() input: ChannelDto, @CurrentUser() actor: Actor) {
    if (!(CHANNELS as readonly string[]).includes(channel)) throw AppError.invalidField('channel', 'NOT_ONE_OF', { allowed: CHANNELS.join(', ') });
    await this.delivery.setChannel(actor.id, channel as Channel, input.address, input.enabled ?? true);
  }

  @Post('me/channels/:channel/test')
  @HttpCode(200)
  @Authenticated()
  @ApiParam({ name: 'channel', enum: CHANNELS, enumName: 'Channel' })
  @ApiOperation({
    summary: 'Send a short test message through this channel of yours now',
    description:
      'Answers { delivered: true }, or 422 with what to do: CHANNEL_NOT_SET_UP (no address saved yet), ' +
      'EMAIL_SERVER_NOT_SET_UP (the service has no SMTP server), CHANNEL_REFUSED (the other side answered and refused: ' +
      'an unknown mailbox, an error status, a WeCom error code), CHANNEL_UNREACHABLE (nothing answered in time)',
  })
  @ApiOkResponse({ type: ChannelTestView })
  async testChannel(@Param('channel') channel: string, @CurrentUser() actor: Actor): Promise<ChannelTestView> {
    if (!(CHANNELS as readonly string[]).includes(channel)) throw AppError.invalidField('channel', 'NOT_ONE_OF', { allowed: CHANNELS.join(', ') });
    await this.delivery.sendTest(actor.id, channel as Channel);
    return { delivered: true };
  }

  @Post('reminders/deliver')
  @HttpCode(200)
  @Requires('rules.manage')
  @ApiOperation({ summary: 'Try the pending deliveries now (they are also tried on REMINDER_DELIVERY_CRON)' })
  @ApiOkResponse({ type: DeliveryRunView })
  deliver() {
    return this.delivery.deliverDue();
  }

  @Get('reminders/deliveries')
  @Requires('rules.manage')
  @ApiOperation({ summary: 'Delivery status: pending ones with their attempts and last error, delivered ones' })
  @ApiPageResponse(DeliveryView)
  deliveries(@Query() query: DeliveryListQuery) {
    return this.delivery.list(query.status, query);
  }

  @Get('inbox')
  @Authenticated()
  @ApiOperation({ summary: 'Your reminders, newest first' })
  @ApiPageResponse(InboxReminderView)
  inbox(@Query() query: InboxQuery, @CurrentUser() actor: Actor) {
    return this.reminders.inbox(actor.id, query, query.unread ?? false);
  }

  @Get('inbox/unread-count')
  @Authenticated()
  @ApiOperation({ summary: 'How many of your reminders are unread' })
  @ApiOkResponse({ type: UnreadCountView })
  async unread(@CurrentUser() actor: Actor): Promise<UnreadCountView> {
    return { unread: await this.reminders.unreadCount(actor.id) };
  }

  @Post('inbox/read-all')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Mark every unread reminder of yours read' })
  @ApiOkResponse({ type: MarkedReadView })
  async markAllRead(@CurrentUser() actor: Actor): Promise<MarkedReadView> {
    return { marked: await this.reminders.markAllRead(actor.id) };
  }

  @Post('inbox/:id/read')
  @HttpCode(204)
  @Authenticated()
  async markRead(@Param('id', UuidParam) id: string, @CurrentUser() actor: Actor) {
    await this.reminders.markRead(actor.id, id);
  }

  @Get('reminders/preview')
  @Requires('rules.manage')
  @ApiOperation({ summary: 'Dry run: the reminders a sweep on that day would produce; nothing is written or sent' })
  @ApiOkResponse({ type: SweepPreviewView })
  async preview(@Query() query: PreviewQuery) {
    return toSweepPreviewView(await this.reminders.sweep(query.on, true));
  }

  @Post('reminders/sweep')
  @HttpCode(200)
  @Requires('rules.manage')
  @ApiOperation({ summary: 'Run the sweep now (for today by default); reminders already made are not made again' })
  @ApiOkResponse({ type: SweepView })
  async sweep(@Body() input: SweepDto) {
    return toSweepView(await this.reminders.sweep(input.on ?? shanghaiDate(this.clock.now()), false));
  }

  @Get('reminder-rules')
  @Authenticated()
  @ApiOperation({ summary: 'When each kind of reminder fires' })
  @ApiOkResponse({ type: [ReminderRuleView] })
  async rules(): Promise<ReminderRuleView[]> {
    return [...(await this.reminders.rules()).values()].map(toReminderRuleView);
  }

  @Put('reminder-rules/:kind')
  @HttpCode(204)
  @Requires('rules.manage')
  @ApiParam({ name: 'kind', enum: REMINDER_KINDS, enumName: 'ReminderKind' })
  @ApiOperation({ summary: 'Turn a rule on or off and set the days before its date on which it reminds' })
  async setRule(@Param('kind') kind: string, @Body() input: RuleDto) {
    if (!DEFAULT_RULES.some((rule) => rule.kind === kind)) throw AppError.invalidField('kind', 'NOT_FOUND');
    await this.reminders.setRule(kind as ReminderKind, input.enabled, input.daysBefore);
  }
}
