import { Module } from '@nestjs/common';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';
import { RollupCompaction } from './rollup-compaction';

/** Figures for union leaders, the employer history, and their exports. */
@Module({
  controllers: [ReportsController],
  providers: [ReportsService, RollupCompaction],
})
export class ReportsModule {}
