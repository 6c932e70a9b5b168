import { Global, Module } from '@nestjs/common';
import { LegalClocksModule } from '../legal-clocks/legal-clocks.module';
import { ChannelSender } from './channels';
import { DeliveryService } from './delivery.service';
import { ReminderScheduler } from './reminder-scheduler';
import { RemindersController } from './reminders.controller';
import { RemindersService } from './reminders.service';
import { SeasonController } from './season.controller';
import { SeasonService } from './season.service';

/** The season and its countdown, the reminder rules, the sweep, and each user's inbox. */
@Global()
@Module({
  imports: [LegalClocksModule],
  controllers: [RemindersController, SeasonController],
  providers: [ChannelSender, DeliveryService, ReminderScheduler, RemindersService, SeasonService],
  exports: [SeasonService],
})
export class RemindersModule {}
