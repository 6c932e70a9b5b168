import { Global, Module } from '@nestjs/common';
import { CaseAccess } from '../claims/case-access';
import { ClaimsModule } from '../claims/claims.module';
import { TimelineModule } from '../timeline/timeline.module';
import { UsersModule } from '../users/users.module';
import { WorkersModule } from '../workers/workers.module';
import { CasesController } from './cases.controller';
import { CasesRepository, assertCaseVisible, lockOpenCase } from './cases.repository';
import { CasesService } from './cases.service';

@Module({
  imports: [ClaimsModule, TimelineModule, UsersModule, WorkersModule],
  controllers: [CasesController],
  providers: [CasesRepository, CasesService],
  exports: [CasesService],
})
export class CasesModule {}

/**
 * The case lock and visibility the claims feature declares it needs (CaseAccess), provided from here so
 * that claims never import cases. Global, because claims' module is below this one.
 */
@Global()
@Module({
  providers: [
    {
      provide: CaseAccess,
      useValue: {
        lockOpenCase: async (tx, caseId, scope) => {
          const { intakeDate } = await lockOpenCase(tx, caseId, scope);
          return { intakeDate };
        },
        assertCaseVisible,
      } satisfies CaseAccess,
    },
  ],
  exports: [CaseAccess],
})
export class CaseAccessModule {}
