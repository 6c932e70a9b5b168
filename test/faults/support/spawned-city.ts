import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ServiceOptions, ServiceProcess } from '../../../scripts/bench/service-process';
import { City } from '../../factories/scenario';
import { Api, TEST_PASSWORD } from '../../support/test-app';
import { freePort } from './ports';

export const LOG_DIR = join(__dirname, '..', '..', '..', 'test-results', 'faults');

/** The built service in a process of its own (dist/, `npm run build` first), with what the factories need to work with it. */
export interface SpawnedService {
  service: ServiceProcess;
  city: City;
  env: Record<string, string>;
  logFile: string;
}

/**
 * Starts the built service as an operator would, on the database the env names; its first start makes
 * the administrator from ADMIN_PASSWORD. `env` from an earlier start (the same database and personal-data
 * key) starts it again after a crash.
 */
export async function spawnService(name: string, env: Record<string, string>, options: ServiceOptions = {}): Promise<SpawnedService> {
  mkdirSync(LOG_DIR, { recursive: true });
  // no DATABASE_URL in `env`: the embedded database, whatever the suite's own environment says
  const fullEnv = { DATABASE_URL: '', ADMIN_PASSWORD: TEST_PASSWORD, PII_KEY: randomBytes(32).toString('base64'), ...env };
  const logFile = join(LOG_DIR, `${name}.log`);
  const service = await ServiceProcess.start(fullEnv, await freePort(), { logFile, ...options });
  try {
    return { service, city: await cityOf(service.baseUrl), env: fullEnv, logFile };
  } catch (error) {
    // a service the suite cannot use must not outlive it (Jest would wait for it)
    service.signal('SIGKILL');
    await service.exited;
    throw error;
  }
}

async function cityOf(baseUrl: string): Promise<City> {
  const anonymous = new Api(baseUrl);
  const login = async (username: string, password = TEST_PASSWORD) => {
    const response = await anonymous.post('/auth/login', { username, password });
    if (response.status !== 200) throw new Error(`login of ${username}: ${response.status} ${JSON.stringify(response.body)}`);
    return anonymous.withHeaders({ authorization: `Bearer ${response.body.accessToken}` });
  };
  const admin = await login('admin');
  const me = await admin.get('/auth/me');
  if (me.status !== 200) throw new Error(`who the administrator is: ${me.status}`);
  return { admin, login, rootOrganisationId: me.body.organisationId ?? me.body.organisation.id };
}
