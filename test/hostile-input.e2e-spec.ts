import { residentId } from './factories/identities';
import { Desk, makeDesk, openCase } from './factories/scenario';
import { Api, TestApp, startTestApp } from './support/test-app';

/** Input built to break the service (issue 16, items 5 and 6): each gets a 400 that names the problem, never a 500. */
describe('Hostile input', () => {
  let t: TestApp;
  let desk: Desk;
  let lawyer: Api;
  let caseId: string;
  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2026-11-22T10:00:00+08:00') });
    desk = await makeDesk(t);
    lawyer = desk.lawyer.api;
    caseId = (await openCase(desk)).id;
  });
  afterAll(() => t.close());

  /** `{"a":{"a":...}}` and `[[[...]]]`, about 2.6 KB for 1,300 levels. */
  const deepObject = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
  const deepArray = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

  it.each([
    ['POST /cases', () => '/cases'],
    ['POST /cases/:id/claims', () => `/cases/${caseId}/claims`],
  ])('refuses JSON nested 1,300 levels deep on %s with a 400 in words', async (_, path) => {
    const deepWorker = `{"claims":[{"worker":${deepObject(1300)}}]}`;
    for (const body of [deepObject(1300), deepArray(1300), `{"claims":${deepArray(1300)}}`, deepWorker]) {
      const zh = await lawyer.post(path(), body);
      expect(zh.status).toBe(400);
      expect(zh.body).toMatchObject({ code: 'REQUEST_TOO_DEEP', message: expect.stringContaining('32') });
      const en = await lawyer.post(path(), body, { 'accept-language': 'en' });
      expect(en.body.message).toBe('The request is nested more than 32 levels deep; send the data flat, as the API document shows');
    }
  });

  it('still takes ordinary nesting (a case with workers and their claims)', async () => {
    const response = await lawyer.post(`/cases/${caseId}/claims`, {
      claims: [{ worker: { name: '王五', idNumber: residentId(16_001) }, amountClaimed: '100.00' }],
    });
    expect(response.status).toBe(201);
  });

  it('refuses a NUL or another control character in a worker name, naming the field', async () => {
    for (const name of ['张\u0000三', '张\u0007三', '张\u001b三']) {
      const response = await lawyer.post(`/cases/${caseId}/claims`, {
        claims: [{ worker: { name, idNumber: residentId(16_002) }, amountClaimed: '100.00' }],
      });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([
        { field: 'claims.0.worker.name', code: 'CONTROL_CHARACTER', message: expect.stringContaining('控制字符') },
      ]);
    }
    const worker = await lawyer.post('/workers', { name: '李\u0000四', idNumber: residentId(16_003) });
    expect(worker.status).toBe(400);
    expect(worker.body.errors).toEqual([expect.objectContaining({ field: 'name', code: 'CONTROL_CHARACTER' })]);
  });

  it('keeps line breaks and tabs in a text that may have several lines', async () => {
    const response = await lawyer.post(`/cases/${caseId}/claims`, {
      claims: [{ worker: { name: '赵六', idNumber: residentId(16_004) }, amountClaimed: '100.00', note: '第一行\n第二行\r\n\t缩进' }],
    });
    expect(response.status).toBe(201);
  });

  it.each(['/cases', '/workers', '/employers'])('refuses a NUL in ?q= of %s, naming the parameter', async (path) => {
    const response = await lawyer.get(`${path}?q=%E5%BC%A0%00`);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'q', code: 'CONTROL_CHARACTER' })]);
  });

  it('refuses a name of nothing but spaces or zero-width characters', async () => {
    for (const name of [' ', '\u3000', '\u200b', ' \u200b\u00a0\ufeff ']) {
      const response = await lawyer.post('/workers', { name, idNumber: residentId(16_005) });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'name', code: 'REQUIRED' })]);
    }
    const onCase = await lawyer.post(`/cases/${caseId}/claims`, {
      claims: [{ worker: { name: '\u200b', idNumber: residentId(16_006) }, amountClaimed: '100.00' }],
    });
    expect(onCase.body.errors).toEqual([expect.objectContaining({ field: 'claims.0.worker.name', code: 'REQUIRED' })]);
  });

  it('refuses a claim of 0.00 at its field', async () => {
    const response = await lawyer.post(`/cases/${caseId}/claims`, {
      claims: [{ worker: { name: '钱七', idNumber: residentId(16_007) }, amountClaimed: '0.00' }],
    });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { field: 'claims.0.amountClaimed', code: 'MONEY_ZERO', message: '金额必须大于 0' },
    ]);
  });
});
