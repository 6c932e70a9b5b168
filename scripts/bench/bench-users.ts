import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from './service-process';

/** Who the benchmark logs in as, on the server's city and on the embedded one alike. */
export const BENCH_USER = 'bench-admin';
export const BENCH_CLERK = 'bench-clerk';
export const BENCH_LAWYER = 'bench-district-lawyer';
export const BENCH_PASSWORD = 'Bench-ledger-Shunyi-2027';

/**
 * Makes the administrator with the product's own command, on the database `env` names (DATABASE_URL,
 * or EMBEDDED_DATA_DIR with no service running on it), under the city's top organisation.
 */
export function createAdministrator(env: Record<string, string>, rootCode: string): void {
  execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', join(__dirname, '..', 'cli.ts'), 'create-admin', '--username', BENCH_USER, '--organisation-code', rootCode], {
    env: { ...process.env, ...env, ADMIN_PASSWORD: BENCH_PASSWORD, TS_NODE_TRANSPILE_ONLY: 'true' },
    // its message goes with the progress on stderr; stdout is the report
    stdio: ['ignore', process.stderr, 'inherit'],
  });
}

/** A lawyer of the district with the most cases, who searches in a district's scope; made through the service unless `exists`. */
export async function ensureDistrictLawyer(admin: Client, exists: boolean, baseUrl: string, districtId: string): Promise<Client> {
  if (!exists) {
    await admin.post('/users', {
      organisationId: districtId,
      username: BENCH_LAWYER,
      displayName: '基准律师',
      roles: ['lawyer'],
      password: BENCH_PASSWORD,
      lawyerProfile: { licenceNumber: '11101201910199999', firm: '北京市基准律师事务所' },
    });
  }
  return new Client(baseUrl, BENCH_LAWYER, BENCH_PASSWORD);
}
