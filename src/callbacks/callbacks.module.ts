import { Global, Module } from '@nestjs/common';
import { CaseClosings } from '../cases/case-closings';
import { TimelineModule } from '../timeline/timeline.module';
import { CallbacksController } from './callbacks.controller';
import { CallbacksRepository } from './callbacks.repository';
import { CallbacksService } from './callbacks.service';

/**
 * Callbacks after closing, and the CaseClosings port the cases feature declares: provided from here
 * (global, as cases' module cannot import this one) so that closing a case schedules its callback in
 * the same transaction.
 */
@Global()
@Module({
  imports: [TimelineModule],
  controllers: [CallbacksController],
  providers: [
    CallbacksRepository,
    CallbacksService,
    {
      provide: CaseClosings,
      inject: [CallbacksService],
      useFactory: (callbacks: CallbacksService): CaseClosings => ({
        closed: (tx, closedCase, closedOn) => callbacks.scheduleAfterClosing(tx, closedCase, closedOn),
        reopened: (tx, caseId) => callbacks.cancelOnReopening(tx, caseId),
      }),
    },
  ],
  exports: [CallbacksService, CaseClosings],
})
export class CallbacksModule {}
