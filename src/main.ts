import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { Logger } from '@nestjs/common';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config/app-config';
import { openDatabase } from './database/open-database';

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig(process.env);
  const logger = new Logger('Main');
  const database = await openDatabase(config);
  const app = await createApp({ config, database });
  await app.listen(config.port, config.host);

  const where = database.embedded
    ? `embedded PostgreSQL (PGlite), data in ${config.embeddedDataDir}`
    : 'PostgreSQL server from DATABASE_URL';
  logger.log(`Serving on http://${config.host}:${config.port} with ${where}`);
  logger.log(`API documentation: http://${config.host}:${config.port}/docs`);

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
