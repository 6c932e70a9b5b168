import { TypeOrmModuleOptions } from '@nestjs/typeorm';
import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { AuditContextSubscriber } from '../auth/request-context';
import type { AppConfig } from '../config/app-config';
import type { DatabaseHandle } from './open-database';

/** Options shared by the service and the migration command: the schema only ever changes by migration. */
export function dataSourceOptions(database: DatabaseHandle): DataSourceOptions {
  return {
    type: 'postgres',
    url: database.url,
    extra: { max: database.poolSize },
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // The migrations use the built-in gen_random_uuid(); the service never needs superuser rights.
    installExtensions: false,
    logging: ['error', 'warn'],
  };
}

export function typeOrmModuleOptions(config: AppConfig, database: DatabaseHandle): TypeOrmModuleOptions {
  return {
    ...dataSourceOptions(database),
    autoLoadEntities: true,
    subscribers: [AuditContextSubscriber],
    migrationsRun: config.runMigrationsOnStart,
    // Fail fast: a database that is not there at start-up is a configuration problem, not a blip.
    retryAttempts: 2,
    retryDelay: 1000,
  };
}
