import { Module } from '@nestjs/common';
import { TimelineModule } from '../timeline/timeline.module';
import { WorkersModule } from '../workers/workers.module';
import { ClaimsController } from './claims.controller';
import { ClaimsRepository } from './claims.repository';
import { ClaimsService } from './claims.service';
import { RostersController } from './rosters.controller';

@Module({
  imports: [TimelineModule, WorkersModule],
  controllers: [ClaimsController, RostersController],
  providers: [ClaimsRepository, ClaimsService],
  exports: [ClaimsService],
})
export class ClaimsModule {}
