import { Module } from '@nestjs/common';
import { CallbacksModule } from '../callbacks/callbacks.module';
import { PayoutsModule } from '../payouts/payouts.module';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';
import { RollupCompaction } from './rollup-compaction';

/** Figures for union leaders, the employer history, and their exports. */
@Module({
  imports: [CallbacksModule, PayoutsModule],
  controllers: [ReportsController],
  providers: [ReportsRepository, ReportsService, RollupCompaction],
})
export class ReportsModule {}
