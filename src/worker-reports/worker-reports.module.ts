import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CaseFilesModule } from '../case-files/case-files.module';
import { CasesModule } from '../cases/cases.module';
import { ClaimsModule } from '../claims/claims.module';
import { MediationModule } from '../mediation/mediation.module';
import { ProofOfWorkChecker } from './proof-of-work';
import { PublicReportsController } from './public-reports.controller';
import { PublicReportsService } from './public-reports.service';
import { WorkerReportsController } from './worker-reports.controller';
import { WorkerReportsRepository } from './worker-reports.repository';
import { WorkerReportsService } from './worker-reports.service';

/** The workers' own channel: public report and lookup pages' API, and the union's queue of reports. */
@Module({
  imports: [AuthModule, CaseFilesModule, CasesModule, ClaimsModule, MediationModule],
  controllers: [PublicReportsController, WorkerReportsController],
  providers: [ProofOfWorkChecker, PublicReportsService, WorkerReportsRepository, WorkerReportsService],
  exports: [WorkerReportsService],
})
export class WorkerReportsModule {}
