import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import type { Api } from '../support/test-app';

/** A challenge from the service, solved here as the worker's browser would solve it (the suites run it cheap). */
export async function solvedProof(anonymous: Api): Promise<{ challenge: unknown; solution: unknown }> {
  const challenge = (await anonymous.get('/public/challenge')).body;
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('the challenge was not solved');
  return { challenge, solution };
}

/** What a worker types into the public form, less the proof. */
export function reportForm(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: '王建军',
    idNumber: '11010519491231002X',
    mobile: '13800138000',
    employerName: '北京某某建筑劳务有限公司',
    projectName: '后沙峪安置房项目',
    siteAddress: '安泰大街 9 号工地',
    periodStart: '2026-08-01',
    periodEnd: '2026-11-30',
    amountOwed: '18600.00',
    coWorkers: 12,
    description: '干了四个月，包工头说年底一起结，现在找不到人',
    consent: true,
    ...overrides,
  };
}

/** A report sent through the public API, proof and all; the answer as it came. */
export async function sendReport(anonymous: Api, overrides: Record<string, unknown> = {}) {
  return anonymous.post('/public/reports', { proof: await solvedProof(anonymous), ...reportForm(overrides) });
}
