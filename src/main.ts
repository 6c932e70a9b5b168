// first: every module required after it is compiled from the code an earlier start saved (issue 17)
import { saveCompileCache } from './compile-cache';
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { createAdmin } from './admin/create-admin';
import { ConfigError, loadConfig } from './config/app-config';
import { openDatabase } from './database/open-database';
import { loadPersonalDataKey } from './personal-data/personal-data-key';

/** The longest a shutdown may take: requests in flight (an export of a city), a sweep given 20 s to commit. */
const SHUTDOWN_LIMIT_MS = 60_000;

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig(process.env);
  const personalDataKey = loadPersonalDataKey(config);
  const logger = new Logger('Main');
  // The embedded database starts in a process of its own (open-database.ts) while the service's modules
  // load here: on two cores, about half a second of the start-up is then taken in parallel.
  const opening = openDatabase(config);
  opening.catch(() => {}); // awaited below; its failure must not count as unhandled while the modules load
  const { createApp } = await import('./app');
  const { hasNoUsers } = await import('./admin/create-admin');
  // Nest makes the modules that need no database while it is still opening; should it fail to open,
  // its error is the one reported (rather than the database module's after its retries)
  const [database, app] = await Promise.all([opening, createApp({ config, database: opening, personalDataKey })]);

  const stop = async (signal: string) => {
    logger.log(`${signal} received, shutting down`);
    // Requests in flight finish and scheduled jobs stop (test/faults/graceful-stop); should anything hang
    // past this, exit anyway: a deployment waits for this process, and the database keeps what committed.
    setTimeout(() => {
      logger.error(`Still shutting down ${SHUTDOWN_LIMIT_MS / 1000} s after ${signal}: exiting now`);
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS).unref();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  // The first administrator exists before the first request is answered: a deployment script (or a test)
  // that logs in as soon as /health answers must find him.
  await app.init();
  const firstStart = await hasNoUsers(app);
  const adminPassword = firstStart && (config.initialAdminPassword || database.embedded) ? await makeFirstAdmin(app, config.initialAdminPassword) : null;
  await app.listen(config.port, config.host);
  saveCompileCache();

  const where = database.embedded
    ? `embedded PostgreSQL (PGlite), data in ${config.embeddedDataDir}`
    : 'PostgreSQL server from DATABASE_URL';
  logger.log(`Serving on http://${config.host}:${config.port} with ${where}`);
  logger.log(`Pages: http://${config.host}:${config.port}/app/   API documentation: http://${config.host}:${config.port}/docs`);
  if (adminPassword === '') {
    logger.log('First start: created the administrator "admin" (organisation BJ, 北京市总工会) with the password in ADMIN_PASSWORD.');
  } else if (adminPassword) {
    logger.warn(
      `First start: created the administrator "admin" with password ${adminPassword} in organisation BJ (北京市总工会).\n` +
        `  Log in at http://${config.host}:${config.port}/app/ ; you will be asked to choose your own password.\n` +
        '  This is the only time it is shown (set ADMIN_PASSWORD before the first start to choose it instead).',
    );
  } else if (firstStart) {
    logger.warn(
      'No users yet. Create the first administrator (it asks for the password), then log in at /app/:\n' +
        '  npm run cli -- create-admin --username admin --organisation-code BJ --organisation-name 北京市总工会\n' +
        '  (or set ADMIN_PASSWORD and start again)',
    );
  }

}

/**
 * The embedded default is one machine's own installation: its first administrator is made at once rather
 * than sending a newcomer to a second command. ADMIN_PASSWORD sets the password without a log to read.
 * Returns the password to show once, or '' when it came from ADMIN_PASSWORD.
 */
async function makeFirstAdmin(app: Parameters<typeof createAdmin>[0], chosen: string | null): Promise<string> {
  const password = chosen ?? randomBytes(15).toString('base64url');
  const { createAdmin } = await import('./admin/create-admin');
  await createAdmin(app, {
    username: 'admin',
    displayName: '管理员',
    password,
    organisationCode: 'BJ',
    organisationName: '北京市总工会',
    passwordSetBy: chosen ? 'the_user' : 'someone_else',
  });
  return chosen ? '' : password;
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
