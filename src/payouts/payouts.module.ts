import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '../cases/cases.module';
import { ClaimsModule } from '../claims/claims.module';
import { TimelineModule } from '../timeline/timeline.module';
import { Payout } from './payout.entity';
import { PayoutsController } from './payouts.controller';
import { PayoutsRepository } from './payouts.repository';
import { PayoutsService } from './payouts.service';

@Module({
  imports: [CasesModule, ClaimsModule, TimelineModule, TypeOrmModule.forFeature([Payout])],
  controllers: [PayoutsController],
  providers: [PayoutsRepository, PayoutsService],
})
export class PayoutsModule {}
