import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ClaimsModule } from '../claims/claims.module';
import { TimelineModule } from '../timeline/timeline.module';
import { PayoutCorrectionsController } from './payout-corrections.controller';
import { PayoutCorrectionsService } from './payout-corrections.service';
import { PayoutsController } from './payouts.controller';
import { PayoutsRepository } from './payouts.repository';
import { PayoutsService } from './payouts.service';

@Module({
  imports: [CasesModule, ClaimsModule, TimelineModule],
  controllers: [PayoutsController, PayoutCorrectionsController],
  providers: [PayoutsRepository, PayoutsService, PayoutCorrectionsService],
})
export class PayoutsModule {}
