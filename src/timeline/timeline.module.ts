import { Module } from '@nestjs/common';
import { CaseEventsService } from './case-events.service';
import { TimelineRepository } from './timeline.repository';

@Module({
  providers: [CaseEventsService, TimelineRepository],
  exports: [CaseEventsService],
})
export class TimelineModule {}
