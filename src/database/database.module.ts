import { Global, Module } from '@nestjs/common';
import { EmbeddedCheckpoints } from './embedded-checkpoints';
import { ReportsDatabase } from './reports-database';
import { Transactions } from './transactions';

/**
 * What every feature's repository uses to reach the database: units of work on the primary, and the
 * connection reports and exports read through (a replica when REPORTS_DATABASE_URL is set); and the
 * embedded database's checkpoints.
 */
@Global()
@Module({
  providers: [ReportsDatabase, Transactions, EmbeddedCheckpoints],
  exports: [ReportsDatabase, Transactions],
})
export class DatabaseModule {}
