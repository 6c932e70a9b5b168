import { expect, request } from '@playwright/test';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { residentId } from '../../factories/identities';
import { next } from './service';

/**
 * A worker's report sent through the public API, proof of work solved here as his browser would, from
 * an address of its own (X-Forwarded-For: the service trusts the loopback proxy in these tests): for a
 * test whose subject is what the union does with reports, not the form.
 */
export async function reportThroughApi(baseURL: string, organisationId: string, overrides: Record<string, unknown> = {}) {
  const n = next();
  const worker = await request.newContext({ baseURL, extraHTTPHeaders: { 'x-forwarded-for': `198.51.100.${n % 250}` } });
  const challenge = await (await worker.get('/public/challenge')).json();
  const solution = await solveChallenge({ challenge, deriveKey });
  const sent = await worker.post('/public/reports', {
    data: {
      proof: { challenge, solution },
      name: '王建军',
      idNumber: residentId(60_000 + n),
      mobile: '13800138000',
      employerName: '北京某某建筑劳务有限公司',
      projectName: '后沙峪安置房项目',
      siteAddress: '后沙峪镇安泰大街 9 号工地',
      organisationId,
      periodStart: '2026-08-01',
      periodEnd: '2026-11-30',
      amountOwed: '18600.00',
      coWorkers: 12,
      description: '干了四个月，包工头说年底一起结，现在找不到人',
      consent: true,
      ...overrides,
    },
  });
  expect(sent.status(), await sent.text()).toBe(201);
  const receipt = (await sent.json()) as { receiptNumber: string; lookupCode: string };
  /** Adds a photo to the report, as the page does after sending it. */
  const addPhoto = async (bytes: Buffer, type: string) => {
    const added = await worker.post(`/public/reports/${receipt.receiptNumber}/photos`, {
      data: bytes,
      headers: { 'content-type': type, 'x-lookup-code': receipt.lookupCode },
    });
    expect(added.status(), await added.text()).toBe(201);
  };
  return { ...receipt, addPhoto };
}
