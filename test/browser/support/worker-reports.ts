import { expect, request } from '@playwright/test';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { residentId } from '../../factories/identities';
import { reportForm } from '../../factories/worker-reports';
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
    data: { proof: { challenge, solution }, ...reportForm({ idNumber: residentId(60_000 + n), siteAddress: '后沙峪镇安泰大街 9 号工地', organisationId, ...overrides }) },
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
