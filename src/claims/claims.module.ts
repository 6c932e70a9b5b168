import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TimelineModule } from '../timeline/timeline.module';
import { WorkersModule } from '../workers/workers.module';
import { Claim } from './claim.entity';
import { ClaimsController } from './claims.controller';
import { ClaimsRepository } from './claims.repository';
import { ClaimsService } from './claims.service';
import { RostersController } from './rosters.controller';

@Module({
  imports: [TimelineModule, TypeOrmModule.forFeature([Claim]), WorkersModule],
  controllers: [ClaimsController, RostersController],
  providers: [ClaimsRepository, ClaimsService],
  exports: [ClaimsService],
})
export class ClaimsModule {}
