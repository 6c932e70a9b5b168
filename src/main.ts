import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { createAdmin, hasNoUsers } from './admin/create-admin';
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
  logger.log(`Pages: http://${config.host}:${config.port}/app/   API documentation: http://${config.host}:${config.port}/docs`);
  const firstStart = await hasNoUsers(app);
  if (firstStart && (config.initialAdminPassword || database.embedded)) {
    // The embedded default is one machine's own installation: make its first administrator now rather
    // than sending a newcomer to a second command. ADMIN_PASSWORD sets the password without a log to read.
    const password = config.initialAdminPassword ?? randomBytes(15).toString('base64url');
    await createAdmin(app, {
      username: 'admin',
      displayName: '管理员',
      password,
      organisationCode: 'BJ',
      organisationName: '北京市总工会',
      passwordSetBy: config.initialAdminPassword ? 'the_user' : 'someone_else',
    });
    if (config.initialAdminPassword) {
      logger.log('First start: created the administrator "admin" (organisation BJ, 北京市总工会) with the password in ADMIN_PASSWORD.');
    } else {
      logger.warn(
        `First start: created the administrator "admin" with password ${password} in organisation BJ (北京市总工会).\n` +
          `  Log in at http://${config.host}:${config.port}/app/ ; you will be asked to choose your own password.\n` +
          '  This is the only time it is shown (set ADMIN_PASSWORD before the first start to choose it instead).',
      );
    }
  } else if (firstStart) {
    logger.warn(
      'No users yet. Create the first administrator (it asks for the password), then log in at /app/:\n' +
        '  npm run cli -- create-admin --username admin --organisation-code BJ --organisation-name 北京市总工会\n' +
        '  (or set ADMIN_PASSWORD and start again)',
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
