/**
 * `npm run migration:run`: applies pending migrations to the configured database (the embedded one
 * under EMBEDDED_DATA_DIR, or DATABASE_URL) and exits. The service also runs them at start-up.
 */
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/app-config';
import { openDatabase } from '../src/database/open-database';
import { dataSourceOptions } from '../src/database/typeorm-options';
import { loadPersonalDataKey } from '../src/personal-data/personal-data-key';

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig(process.env);
  loadPersonalDataKey(config); // a server deployment without its key stops here, before any migration runs
  const database = await openDatabase(config);
  const dataSource = new DataSource(dataSourceOptions(database));
  try {
    await dataSource.initialize();
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    console.log(applied.length === 0 ? 'No pending migrations.' : `Applied: ${applied.map((m) => m.name).join(', ')}`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
