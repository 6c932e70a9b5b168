import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { MediationModule } from '../mediation/mediation.module';
import { TimelineModule } from '../timeline/timeline.module';
import { CriminalThresholdsService } from './criminal-thresholds.service';
import { LegalClocksController } from './legal-clocks.controller';
import { LegalClocksRepository } from './legal-clocks.repository';
import { LegalClocksService } from './legal-clocks.service';
import { PendingDeadlinesRefresher } from './pending-deadlines-refresher';

@Module({
  imports: [CasesModule, MediationModule, TimelineModule],
  controllers: [LegalClocksController],
  providers: [CriminalThresholdsService, LegalClocksRepository, LegalClocksService, PendingDeadlinesRefresher],
  exports: [LegalClocksService],
})
export class LegalClocksModule {}
