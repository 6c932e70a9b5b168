import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ClaimsModule } from '../claims/claims.module';
import { TimelineModule } from '../timeline/timeline.module';
import { UsersModule } from '../users/users.module';
import { WorkersModule } from '../workers/workers.module';
import { AgreementDocumentService } from './agreement-document.service';
import { MediationController } from './mediation.controller';
import { MediationRepository } from './mediation.repository';
import { MediationService } from './mediation.service';

@Module({
  imports: [CasesModule, ClaimsModule, TimelineModule, UsersModule, WorkersModule],
  controllers: [MediationController],
  providers: [AgreementDocumentService, MediationRepository, MediationService],
  exports: [MediationService],
})
export class MediationModule {}
