import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseEvent } from './case-event.entity';
import { CaseEventsService } from './case-events.service';

@Module({
  imports: [TypeOrmModule.forFeature([CaseEvent])],
  providers: [CaseEventsService],
  exports: [CaseEventsService],
})
export class TimelineModule {}
