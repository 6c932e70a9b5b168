import { TypeOrmModuleOptions } from '@nestjs/typeorm';
import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { AuditContextSubscriber } from './audit-context.subscriber';
import type { AppConfig } from '../config/app-config';
import type { DatabaseHandle } from './open-database';

/** Options shared by the service and the migration command: the schema only ever changes by migration. */
export function dataSourceOptions(database: DatabaseHandle): DataSourceOptions {
  return {
    type: 'postgres',
    url: database.url,
    extra: { max: database.poolSize, ...serverSessionOptions(database.embedded) },
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // The migrations use the built-in gen_random_uuid(); the service never needs superuser rights.
    installExtensions: false,
    logging: ['error', 'warn'],
  };
}

/**
 * JIT compilation off: PostgreSQL compiles a query when its estimated cost is high, which for a report
 * over a million cases costs half a second and never pays back on queries that run in tens of
 * milliseconds. 32 MB of working memory per sort or grouping (the default is 4 MB): a breakdown by
 * employer groups a hundred thousand employers, which at 4 MB spills to disk or sorts instead of
 * hashing. (The embedded database has no JIT and takes no startup options.)
 */
export function serverSessionOptions(embedded: boolean): { options?: string } {
  return embedded ? {} : { options: '-c jit=off -c work_mem=32MB' };
}

export function typeOrmModuleOptions(config: AppConfig, database: DatabaseHandle): TypeOrmModuleOptions {
  return {
    ...dataSourceOptions(database),
    subscribers: [AuditContextSubscriber],
    migrationsRun: config.runMigrationsOnStart,
    // Fail fast: a database that is not there at start-up is a configuration problem, not a blip.
    retryAttempts: 2,
    retryDelay: 1000,
  };
}
