import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ClaimsModule } from '../claims/claims.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { TimelineModule } from '../timeline/timeline.module';
import { PayoutCorrectionsController } from './payout-corrections.controller';
import { PayoutCorrectionsService } from './payout-corrections.service';
import { HeldMoneyController, PayoutsController } from './payouts.controller';
import { PayoutsRepository } from './payouts.repository';
import { PayoutsService } from './payouts.service';

@Module({
  imports: [CasesModule, ClaimsModule, OrganisationsModule, TimelineModule],
  controllers: [PayoutsController, PayoutCorrectionsController, HeldMoneyController],
  providers: [PayoutsRepository, PayoutsService, PayoutCorrectionsService],
  exports: [PayoutsService],
})
export class PayoutsModule {}
