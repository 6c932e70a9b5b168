import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ClaimsModule } from '../claims/claims.module';
import { TimelineModule } from '../timeline/timeline.module';
import { PayoutsController } from './payouts.controller';
import { PayoutsRepository } from './payouts.repository';
import { PayoutsService } from './payouts.service';

@Module({
  imports: [CasesModule, ClaimsModule, TimelineModule],
  controllers: [PayoutsController],
  providers: [PayoutsRepository, PayoutsService],
})
export class PayoutsModule {}
