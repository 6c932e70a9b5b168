import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseEvent } from './case-event.entity';
import { CaseEventsService } from './case-events.service';
import { TimelineRepository } from './timeline.repository';

@Module({
  imports: [TypeOrmModule.forFeature([CaseEvent])],
  providers: [CaseEventsService, TimelineRepository],
  exports: [CaseEventsService],
})
export class TimelineModule {}
