/**
 * `npm run api:types`: writes the web client's types (web/src/common/api/schema.d.ts) from the service's
 * OpenAPI document, so a renamed field breaks the web build instead of a clerk's day. The service is
 * started on an in-memory embedded database just long enough to describe itself. With `--check` it
 * writes nothing and fails when the committed file differs from what it would write (CI runs that, so
 * an answer changed without regenerating the types, and the web type-check against them, cannot land).
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp, describeApi } from '../src/app';
import { loadConfig } from '../src/config/app-config';
import { openDatabase } from '../src/database/open-database';
import { clientTypesOf } from './client-types';

async function main(): Promise<void> {
  const config = loadConfig({ EMBEDDED_DATA_DIR: 'memory://', LOG_LEVEL: 'error', REMINDER_SWEEP_CRON: 'off', REMINDER_DELIVERY_CRON: 'off', REPORT_ROLLUP_CRON: 'off', DEADLINES_REFRESH_CRON: 'off' });
  const database = await openDatabase(config);
  const app = await createApp({ config, database, personalDataKey: randomBytes(32) });
  try {
    await app.init();
    const target = join(__dirname, '..', 'web', 'src', 'common', 'api', 'schema.d.ts');
    const types = await clientTypesOf(describeApi(app));
    if (process.argv.includes('--check')) {
      if (readFileSync(target, 'utf8') !== types) {
        console.error(`${target} is not what the API describes: run "npm run api:types" and commit the result.`);
        process.exitCode = 1;
      } else {
        console.log('The web client types match the API.');
      }
    } else {
      writeFileSync(target, types);
      console.log(`Wrote ${target}`);
    }
  } finally {
    await app.close();
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
