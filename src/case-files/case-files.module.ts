import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ClaimsModule } from '../claims/claims.module';
import { TimelineModule } from '../timeline/timeline.module';
import { CaseFilesController } from './case-files.controller';
import { CaseFilesRepository } from './case-files.repository';
import { CaseFilesService } from './case-files.service';

/** Evidence files: photos and scans attached to a case or a worker's claim. */
@Module({
  imports: [AuthModule, ClaimsModule, TimelineModule],
  controllers: [CaseFilesController],
  providers: [CaseFilesRepository, CaseFilesService],
  exports: [CaseFilesService],
})
export class CaseFilesModule {}
