/**
 * Administration from the command line: `npm run cli -- <command> [options]`.
 *
 *   create-admin --username admin --organisation-code BJ [--organisation-name 北京市总工会] [--display-name 管理员]
 *     Creates an administrator. The password is read from ADMIN_PASSWORD, or asked for.
 *     The organisation is created as the top of the tree (city federation) if its code is new.
 */
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { NestFactory } from '@nestjs/core';
import { createAdmin, describeError } from '../src/admin/create-admin';
import { AppModule } from '../src/app.module';
import { loadConfig } from '../src/config/app-config';
import { openDatabase } from '../src/database/open-database';
import { loadPersonalDataKey } from '../src/personal-data/personal-data-key';

const USAGE = `Usage: npm run cli -- create-admin --username NAME --organisation-code CODE [--organisation-name NAME] [--display-name NAME]
The password is read from ADMIN_PASSWORD, or asked for.`;

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      username: { type: 'string' },
      'display-name': { type: 'string' },
      'organisation-code': { type: 'string' },
      'organisation-name': { type: 'string' },
    },
  });
  if (positionals[0] !== 'create-admin' || !values.username || !values['organisation-code']) {
    console.error(USAGE);
    process.exit(2);
  }
  const password = process.env.ADMIN_PASSWORD ?? (await ask('Password for the new administrator: '));

  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'error' });
  const database = await openDatabase(config);
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot({ config, database, personalDataKey: loadPersonalDataKey(config) }),
    { logger: ['error'] },
  );
  try {
    const result = await createAdmin(app, {
      username: values.username,
      displayName: values['display-name'] ?? values.username,
      password,
      organisationCode: values['organisation-code'],
      organisationName: values['organisation-name'],
    });
    console.log(
      `Administrator ${values.username} created${result.createdOrganisation ? ` with organisation ${values['organisation-code']}` : ''}.\n` +
        `Log in: curl -X POST http://${config.host}:${config.port}/auth/login -H 'content-type: application/json' ` +
        `-d '{"username":"${values.username}","password":"…"}'`,
    );
  } finally {
    await app.close();
    await database.close();
  }
}

async function ask(question: string): Promise<string> {
  const readline = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await readline.question(question)).trim();
  } finally {
    readline.close();
  }
}

main().catch((error: unknown) => {
  console.error(describeError(error));
  process.exit(1);
});
