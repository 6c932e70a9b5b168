import { Global, Module } from '@nestjs/common';
import { ReportsDatabase } from './reports-database';
import { Transactions } from './transactions';

/**
 * What every feature's repository uses to reach the database: units of work on the primary, and the
 * connection reports and exports read through (a replica when REPORTS_DATABASE_URL is set).
 */
@Global()
@Module({
  providers: [ReportsDatabase, Transactions],
  exports: [ReportsDatabase, Transactions],
})
export class DatabaseModule {}
