import { Module } from '@nestjs/common';
import { CallbacksModule } from '../callbacks/callbacks.module';
import { LegalClocksModule } from '../legal-clocks/legal-clocks.module';
import { WorkerReportsModule } from '../worker-reports/worker-reports.module';
import { ChannelSender } from './channels';
import { DeliveryService } from './delivery.service';
import { ReminderScheduler } from './reminder-scheduler';
import { RemindersController } from './reminders.controller';
import { RemindersRepository } from './reminders.repository';
import { RemindersService } from './reminders.service';

/** The reminder rules, the daily sweep, the deliveries, and each user's inbox. */
@Module({
  imports: [CallbacksModule, LegalClocksModule, WorkerReportsModule],
  controllers: [RemindersController],
  providers: [ChannelSender, DeliveryService, ReminderScheduler, RemindersRepository, RemindersService],
})
export class RemindersModule {}
