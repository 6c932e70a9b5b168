import { Global, Module } from '@nestjs/common';
import { ReportsDatabase } from './reports-database';

/** The connection reports and exports read through (a replica when REPORTS_DATABASE_URL is set). */
@Global()
@Module({
  providers: [ReportsDatabase],
  exports: [ReportsDatabase],
})
export class ReportsDatabaseModule {}
