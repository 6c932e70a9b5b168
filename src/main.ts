import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config/app-config';
import { openDatabase } from './database/open-database';
import { loadPersonalDataKey } from './personal-data/personal-data-key';

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig(process.env);
  const personalDataKey = loadPersonalDataKey(config);
  const logger = new Logger('Main');
  const database = await openDatabase(config);
  const app = await createApp({ config, database, personalDataKey });
  await app.listen(config.port, config.host);

  const where = database.embedded
    ? `embedded PostgreSQL (PGlite), data in ${config.embeddedDataDir}`
    : 'PostgreSQL server from DATABASE_URL';
  logger.log(`Serving on http://${config.host}:${config.port} with ${where}`);
  logger.log(`API documentation: http://${config.host}:${config.port}/docs`);
  const [{ users }] = await app.get(DataSource).query(`SELECT count(*)::int AS users FROM users`);
  if (users === 0) {
    logger.warn(
      'No users yet. Create the first administrator (it asks for the password), then log in with POST /auth/login:\n' +
        '  npm run cli -- create-admin --username admin --organisation-code BJ --organisation-name 北京市总工会',
    );
  }

  const stop = async (signal: string) => {
    logger.log(`${signal} received, shutting down`);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
