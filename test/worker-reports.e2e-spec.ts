import { HEIC_HEADER, JPEG_1X1, PDF_ONE_PAGE, PNG_1X1, PROGRAM_AS_JPEG } from './factories/evidence-files';
import { residentId } from './factories/identities';
import { Desk, makeDesk } from './factories/scenario';
import { reportForm, sendReport, solvedProof } from './factories/worker-reports';
import { itWhereConcurrent } from './support/concurrency';
import { Api, TestApp, startTestApp } from './support/test-app';

jest.setTimeout(180_000);

/**
 * The workers' own channel: a worker reports from the public pages with photos, the union's clerk
 * accepts it into a case, he follows his own line and rates the closed case; and everything the open
 * internet may try (a replayed proof, a flood from one address, a wrong code, a guessed receipt number,
 * an oversized photo, markup in a name) is turned away without telling anything.
 */
describe('Workers’ online reports', () => {
  let t: TestApp;
  let desk: Desk;
  let outsider: Desk;
  let address = 0;
  /** Not logged in, from an address of its own (the service trusts the loopback proxy's X-Forwarded-For here). */
  const receiptOf = (sent: { receiptNumber: string; lookupCode: string }) => ({ receiptNumber: sent.receiptNumber, lookupCode: sent.lookupCode });
  const fromNewAddress = (): Api => t.anonymous.withHeaders({ 'x-forwarded-for': `203.0.113.${++address}` });

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2026-12-04T10:00:00+08:00'), env: { TRUST_PROXY: 'loopback', PUBLIC_REPORTS_PER_ADDRESS: '3' } });
    desk = await makeDesk(t, { name: '顺义区总工会', district: '顺义区' });
    outsider = await makeDesk(t);
  });
  afterAll(() => t.close());

  it('takes a report with photos from a phone and answers a receipt number and a lookup code', async () => {
    const worker = fromNewAddress();
    const districts = (await worker.get('/public/districts')).body;
    expect(districts).toEqual(expect.arrayContaining([{ id: desk.organisation.id, name: '顺义区总工会', place: '顺义区', city: false }]));
    expect(districts.at(-1)).toMatchObject({ city: true });

    // the site address names the district: no choice needed
    // (the city's name in it is no district: 北京市 names the city federation, which takes reports only when chosen)
    const sent = await sendReport(worker, { siteAddress: '北京市顺义区后沙峪镇安泰大街 9 号工地', idNumber: residentId(7001), name: '王建军' });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ organisationName: '顺义区总工会', handleByOn: '2026-12-07', limits: { photosPerReport: 6, photoBytes: 5 * 1024 * 1024 } });
    expect(sent.body.receiptNumber).toMatch(/^[1-9]\d{11}$/);
    expect(sent.body.lookupCode).toMatch(/^[A-Z2-9]{8}$/);
    const { receiptNumber, lookupCode } = sent.body;

    const photo = (bytes: Buffer, type: string, code = lookupCode) =>
      worker.withHeaders({ 'x-lookup-code': code }).upload(`/public/reports/${receiptNumber}/photos`, bytes, type);
    expect((await photo(JPEG_1X1, 'image/jpeg')).body).toEqual({ photos: 1 });
    expect((await photo(PNG_1X1, 'image/png')).body).toEqual({ photos: 2 });
    // the same photo again (a retry on a bad connection) is kept once
    expect((await photo(PNG_1X1, 'image/png')).body).toEqual({ photos: 2 });
    const program = await photo(PROGRAM_AS_JPEG, 'image/jpeg');
    expect(program.status).toBe(415);
    expect(program.body.code).toBe('FILE_TYPE_NOT_ACCEPTED');
    expect((await photo(PDF_ONE_PAGE, 'application/pdf')).status).toBe(415);
    const oversized = await photo(Buffer.concat([JPEG_1X1.subarray(0, 4), Buffer.alloc(6 * 1024 * 1024, 1)]), 'image/jpeg');
    expect(oversized.status).toBe(413);
    expect(oversized.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(oversized.body.message).toContain('5 MB');
    const wrongCode = await photo(JPEG_1X1, 'image/jpeg', 'AAAA2222');
    expect(wrongCode.status).toBe(404);
    expect(wrongCode.body.code).toBe('REPORT_LOOKUP_FAILED');

    const waiting = (await worker.post('/public/lookup', { receiptNumber: receiptNumber.replace(/(\d{4})/g, '$1 '), lookupCode: lookupCode.toLowerCase() })).body;
    expect(waiting).toMatchObject({ stage: 'waiting', workerName: '王*军', organisationName: '顺义区总工会', photos: 2, canAddPhotos: true, money: null, canRate: false });
    expect(JSON.stringify(waiting)).not.toContain(residentId(7001));
  });

  it('gives a retry the receipt it had, and refuses a proof replayed for another report, markup in a name, no consent, a wrong district and dates ahead, naming the field', async () => {
    const worker = fromNewAddress();
    const proof = await solvedProof(worker);
    const first = await worker.post('/public/reports', { proof, ...reportForm({ idNumber: residentId(7002), organisationId: desk.organisation.id }) });
    expect(first.status).toBe(201);
    // the same form again (its answer lost on a bad connection): the same receipt, not a second report
    const retried = await worker.post('/public/reports', { proof, ...reportForm({ idNumber: residentId(7002), organisationId: desk.organisation.id }) });
    expect(retried.body).toEqual(first.body);
    const replayed = await worker.post('/public/reports', { proof, ...reportForm({ idNumber: residentId(7003), organisationId: desk.organisation.id }) });
    expect(replayed.status).toBe(400);
    expect(replayed.body.code).toBe('CHALLENGE_FAILED');
    const forged = await worker.post('/public/reports', { proof: { ...proof, solution: { counter: 1, derivedKey: '00' } }, ...reportForm({ organisationId: desk.organisation.id }) });
    expect(forged.body.code).toBe('CHALLENGE_FAILED');
    expect((await worker.post('/public/reports', reportForm({ organisationId: desk.organisation.id }))).status).toBe(400);

    const bad = await sendReport(worker, {
      name: '<script>alert(1)</script>',
      employerName: '某公司<img src=x onerror=alert(1)>',
      consent: false,
      organisationId: outsider.clerk.id,
      periodEnd: '2027-01-31',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => [e.field, e.code])).toEqual(
      expect.arrayContaining([
        ['name', 'PERSON_NAME_FORMAT'],
        ['employerName', 'MARKUP_NOT_ALLOWED'],
        ['consent', 'CONSENT_REQUIRED'],
        ['organisationId', 'NOT_TAKING_REPORTS'],
        ['periodEnd', 'DATE_IN_FUTURE'],
      ]),
    );
    expect(bad.body.errors.find((e: any) => e.field === 'name').message).toContain('身份证上的姓名');
    // an address that names no district, and no choice: the worker is asked to choose
    const nowhere = await sendReport(worker, { siteAddress: '工地', idNumber: residentId(7004) });
    expect(nowhere.body.errors).toEqual([expect.objectContaining({ field: 'organisationId', code: 'REQUIRED' })]);
    // a minority name with its middle dot is a name
    expect((await sendReport(fromNewAddress(), { name: '阿卜杜·热合曼', idNumber: residentId(7005), organisationId: desk.organisation.id })).status).toBe(201);
  });

  it('takes a few reports a day from one address and a few a month for one id number, then says to come or call', async () => {
    const flood = fromNewAddress();
    for (let n = 0; n < 3; n++) {
      expect((await sendReport(flood, { idNumber: residentId(7100 + n), organisationId: desk.organisation.id })).status).toBe(201);
    }
    const refused = await sendReport(flood, { idNumber: residentId(7110), organisationId: desk.organisation.id });
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('REPORTS_FROM_ADDRESS_LIMIT');
    expect(refused.headers.get('retry-after')).toBe('3600');
    expect(refused.body.message).toContain('12351');

    const id = residentId(7200);
    for (let n = 0; n < 3; n++) expect((await sendReport(fromNewAddress(), { idNumber: id, organisationId: desk.organisation.id })).status).toBe(201);
    const again = await sendReport(fromNewAddress(), { idNumber: id, organisationId: desk.organisation.id });
    expect(again.status).toBe(429);
    expect(again.body.code).toBe('REPORTS_FOR_ID_NUMBER_LIMIT');
  });

  itWhereConcurrent('counts a burst from one address one report after the other: no more get through than the limit', async () => {
    const burst = fromNewAddress();
    const proofs = await Promise.all(Array.from({ length: 6 }, () => solvedProof(burst)));
    const answers = await Promise.all(
      proofs.map((proof, n) => burst.post('/public/reports', { proof, ...reportForm({ idNumber: residentId(7700 + n), organisationId: desk.organisation.id }) })),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 201, 201, 429, 429, 429]);
  });

  it('answers a wrong code and a made-up receipt number alike, and stops a guessing run', async () => {
    const worker = fromNewAddress();
    const { receiptNumber } = (await sendReport(worker, { idNumber: residentId(7300), organisationId: desk.organisation.id })).body;
    const guesser = fromNewAddress();
    const wrongCode = await guesser.post('/public/lookup', { receiptNumber, lookupCode: 'ABCD2345' });
    const madeUp = await guesser.post('/public/lookup', { receiptNumber: '100000000001', lookupCode: 'ABCD2345' });
    const nonsense = await guesser.post('/public/lookup', { receiptNumber: 'x', lookupCode: '' });
    for (const answer of [wrongCode, madeUp, nonsense]) {
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual(wrongCode.body);
    }
    expect(wrongCode.body.message).toBe('回执号或查询码不对，请对照回执图片重新输入');
    let last = wrongCode;
    for (let n = 0; n < 40 && last.status !== 429; n++) {
      last = await guesser.post('/public/lookup', { receiptNumber: String(200000000000 + n), lookupCode: 'ABCD2345' });
    }
    expect(last.status).toBe(429);
    expect(last.body.code).toBe('LOOKUP_THROTTLED');
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
    const trail = (await t.admin.get('/audit?action=lookup_failed&pageSize=200')).body;
    expect(trail.total).toBeGreaterThanOrEqual(3);
    expect(trail.items[0]).toMatchObject({ actorId: null, entityType: 'worker_reports' });
  });

  it('lets the clerk accept a report into a case, the worker follow his own line, and rate it after closing', async () => {
    const worker = fromNewAddress();
    const sent = (await sendReport(worker, { idNumber: residentId(7400), name: '刘德胜', organisationId: desk.organisation.id, amountOwed: '18600.00' })).body;
    await worker.withHeaders({ 'x-lookup-code': sent.lookupCode }).upload(`/public/reports/${sent.receiptNumber}/photos`, JPEG_1X1, 'image/jpeg');
    await worker.withHeaders({ 'x-lookup-code': sent.lookupCode }).upload(`/public/reports/${sent.receiptNumber}/photos`, HEIC_HEADER, 'image/heic');

    // the queue: the district's clerk sees it, numbers masked; another district does not
    const queue = (await desk.clerk.api.get('/worker-reports?pageSize=200')).body;
    const report = queue.items.find((item: any) => item.receiptNumber === sent.receiptNumber);
    expect(report).toMatchObject({ workerName: '刘德胜', idNumber: residentId(7400).slice(0, 6) + '********' + residentId(7400).slice(-4), mobile: '138****8000', status: 'submitted', photoCount: 2, overdue: false, amountOwed: '18600.00', coWorkers: 12 });
    expect((await outsider.clerk.api.get('/worker-reports?pageSize=200')).body.items.map((i: any) => i.id)).not.toContain(report.id);
    expect((await outsider.clerk.api.get(`/worker-reports/${report.id}`)).status).toBe(404);
    expect((await desk.mediator.api.get('/worker-reports')).status).toBe(403);
    const detail = (await desk.clerk.api.get(`/worker-reports/${report.id}`)).body;
    expect(detail.photos).toHaveLength(2);
    const shown = await desk.clerk.api.getRaw(`/worker-reports/${report.id}/photos/${detail.photos[0].id}/content`);
    expect(Buffer.from(await shown.arrayBuffer()).equals(JPEG_1X1)).toBe(true);

    const accepted = await desk.clerk.api.post(`/worker-reports/${report.id}/case`, {
      organisationId: desk.organisation.id,
      employers: [{ employerId: desk.employer.id, role: 'employer' }],
      mediatorId: desk.mediator.id,
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ intakeChannel: 'online', intakeDate: '2026-12-04', status: 'received' });
    expect(accepted.body.summary).toContain(sent.receiptNumber);
    const caseUrl = `/cases/${accepted.body.id}`;
    const [claim] = (await desk.mediator.api.get(`${caseUrl}/claims`)).body.items;
    expect(claim).toMatchObject({ amountClaimed: '18600.00', periodStart: '2026-08-01', periodEnd: '2026-11-30', worker: { name: '刘德胜' } });
    const files = (await desk.mediator.api.get(`${caseUrl}/files`)).body;
    expect(files.map((f: any) => [f.claimId, f.mediaType])).toEqual(expect.arrayContaining([[claim.id, 'image/jpeg'], [claim.id, 'image/heic']]));
    const twice = await desk.lawyer.api.post(`/worker-reports/${report.id}/case`, { organisationId: desk.organisation.id, employers: [{ employerId: desk.employer.id, role: 'employer' }] });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('REPORT_ALREADY_HANDLED');

    // a co-worker reports too, and is joined to the same case; another worker is added by the clerk
    const coWorker = (await sendReport(fromNewAddress(), { idNumber: residentId(7401), name: '赵小军', organisationId: desk.organisation.id, amountOwed: '9000.00' })).body;
    const coReport = (await desk.clerk.api.get('/worker-reports?pageSize=200')).body.items.find((i: any) => i.receiptNumber === coWorker.receiptNumber);
    const joined = await desk.lawyer.api.post(`/worker-reports/${coReport.id}/join`, { caseId: accepted.body.id });
    expect(joined.status).toBe(200);
    expect(joined.body).toMatchObject({ status: 'joined', case: { id: accepted.body.id } });

    const follow = async (receipt: { receiptNumber: string; lookupCode: string }) => (await worker.post('/public/lookup', receiptOf(receipt))).body;
    expect(await follow(sent)).toMatchObject({ stage: 'verifying', caseNumber: accepted.body.caseNumber, money: { claimed: '18600.00', confirmed: null, paid: '0.00', outstanding: '18600.00' } });

    // verified, mediated, half paid: he sees his own amount and nobody else's
    const claims = (await desk.mediator.api.get(`${caseUrl}/claims`)).body.items;
    expect((await desk.mediator.api.post(`${caseUrl}/transitions`, { to: 'verifying' })).status).toBe(200);
    await desk.mediator.api.post(`${caseUrl}/claims/confirmations`, { items: claims.map((c: any) => ({ claimId: c.id, amountConfirmed: c.amountClaimed })) });
    expect((await desk.mediator.api.post(`${caseUrl}/transitions`, { to: 'mediating' })).status).toBe(200);
    const session = await desk.mediator.api.post(`${caseUrl}/sessions`, { startsAt: '2026-12-08T09:30:00+08:00', endsAt: '2026-12-08T11:00:00+08:00', place: '顺义区职工服务中心二楼' });
    expect(session.status).toBe(201);
    const mine = claims.find((c: any) => c.worker.name === '刘德胜');
    const paid = await desk.mediator.api.post(`${caseUrl}/payouts`, { paidOn: '2026-12-04', payerKind: 'employer', channel: 'bank_transfer', items: [{ claimId: mine.id, amount: '9300.00' }] });
    expect(paid.status).toBe(201);
    const halfway = await follow(sent);
    expect(halfway).toMatchObject({
      stage: 'paying',
      money: { claimed: '18600.00', confirmed: '18600.00', paid: '9300.00', outstanding: '9300.00' },
      nextSession: { startsAt: '2026-12-08T09:30:00+08:00', place: '顺义区职工服务中心二楼' },
      canRate: false,
    });
    expect(JSON.stringify(halfway)).not.toContain('赵小军');
    expect(JSON.stringify(halfway)).not.toContain('9000.00');
    expect((await follow(coWorker)).money).toMatchObject({ claimed: '9000.00', paid: '0.00' });

    const early = await worker.post('/public/rating', { ...receiptOf(sent), satisfaction: 'satisfied' });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('RATING_NOT_OPEN');

    // paid in full and closed: he rates it, which answers the case's callback
    const rest = claims.map((c: any) => ({ claimId: c.id, amount: c.worker.name === '刘德胜' ? '9300.00' : c.amountClaimed }));
    expect((await desk.mediator.api.post(`${caseUrl}/payouts`, { paidOn: '2026-12-04', payerKind: 'employer', channel: 'bank_transfer', items: rest })).status).toBe(201);
    await desk.mediator.api.post(`${caseUrl}/sessions/${session.body.id}/cancel`, {});
    expect((await desk.mediator.api.post(`${caseUrl}/transitions`, { to: 'closed', outcome: 'paid_in_full' })).status).toBe(200);
    expect(await follow(sent)).toMatchObject({ stage: 'closed', canRate: true, money: { paid: '18600.00', outstanding: '0.00' } });
    t.clock.set(new Date('2026-12-06T10:00:00+08:00'));
    const rated = await worker.post('/public/rating', { ...receiptOf(sent), satisfaction: 'not_satisfied', comment: '钱到了，但拖得太久' });
    t.clock.set(new Date('2026-12-04T10:00:00+08:00'));
    expect(rated.status).toBe(200);
    expect(rated.body).toMatchObject({ canRate: false, rating: { satisfaction: 'not_satisfied', comment: '钱到了，但拖得太久' } });
    const [callback] = (await desk.mediator.api.get(`${caseUrl}/callbacks`)).body;
    expect(callback).toMatchObject({ status: 'answered', answeredOnline: true, answeredBy: null, satisfaction: 'not_satisfied', calledOn: '2026-12-06', spokeWith: '刘德胜' });
    expect((await desk.leader.api.get('/callbacks/unsatisfied')).body.map((c: any) => c.id)).toContain(callback.id);
    expect((await worker.post('/public/rating', { ...receiptOf(sent), satisfaction: 'satisfied' })).body.code).toBe('RATING_NOT_OPEN');
    // the co-worker's rating comes after the callback was answered: kept with his report only
    expect((await worker.post('/public/rating', { ...receiptOf(coWorker), satisfaction: 'satisfied' })).status).toBe(200);
  });

  it('tells the worker why a report was declined', async () => {
    const worker = fromNewAddress();
    const sent = (await sendReport(worker, { idNumber: residentId(7500), organisationId: desk.organisation.id })).body;
    const report = (await desk.clerk.api.get('/worker-reports?pageSize=200')).body.items.find((i: any) => i.receiptNumber === sent.receiptNumber);
    expect((await desk.clerk.api.post(`/worker-reports/${report.id}/decline`, { reason: ' ' })).body.errors).toEqual([expect.objectContaining({ field: 'reason', code: 'REQUIRED' })]);
    const declined = await desk.clerk.api.post(`/worker-reports/${report.id}/decline`, { reason: '您反映的是工程款纠纷，请向区住建委反映' });
    expect(declined.body).toMatchObject({ status: 'declined', handledBy: { id: desk.clerk.id } });
    expect((await worker.post('/public/lookup', receiptOf(sent))).body).toMatchObject({ stage: 'declined', declineReason: '您反映的是工程款纠纷，请向区住建委反映', canAddPhotos: false });
    const late = await worker.withHeaders({ 'x-lookup-code': sent.lookupCode }).upload(`/public/reports/${sent.receiptNumber}/photos`, JPEG_1X1, 'image/jpeg');
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('REPORT_PHOTOS_CLOSED');
  });

  it('reminds the district’s clerks and lawyers of a report waiting past the days an administrator set', async () => {
    expect((await desk.clerk.api.get('/worker-report-policy')).body).toEqual({ daysToHandle: 3 });
    expect((await desk.clerk.api.put('/worker-report-policy', { daysToHandle: 2 })).status).toBe(403);
    expect((await t.admin.put('/worker-report-policy', { daysToHandle: 31 })).status).toBe(400);
    expect((await t.admin.put('/worker-report-policy', { daysToHandle: 2 })).body).toEqual({ daysToHandle: 2 });
    const sent = (await sendReport(fromNewAddress(), { idNumber: residentId(7600), organisationId: desk.organisation.id })).body;

    expect((await t.admin.post('/reminders/sweep', { on: '2026-12-06' })).status).toBe(200);
    const overdueOf = async (api: Api) => ((await api.get('/inbox?pageSize=200')).body.items as any[]).filter((r) => r.kind === 'worker_report_overdue' && r.title.includes(sent.receiptNumber));
    expect(await overdueOf(desk.clerk.api)).toHaveLength(0);
    expect((await t.admin.post('/reminders/sweep', { on: '2026-12-07' })).status).toBe(200);
    const [reminder] = await overdueOf(desk.clerk.api);
    expect(reminder).toMatchObject({ urgency: 'urgent' });
    expect(reminder.title).toContain('已超期 1 天');
    expect(reminder.link).toMatch(/\/app\/online-reports\?report=/);
    expect(await overdueOf(desk.lawyer.api)).toHaveLength(1);
    expect(await overdueOf(desk.mediator.api)).toHaveLength(0);
    expect(await overdueOf(outsider.clerk.api)).toHaveLength(0);
    const listed = async (api: Api) => ((await api.get('/worker-reports?pageSize=200')).body.items as any[]).find((i) => i.receiptNumber === sent.receiptNumber);
    expect(await listed(desk.clerk.api)).toMatchObject({ overdue: false, handleByOn: '2026-12-06' });
    t.clock.set(new Date('2026-12-07T10:00:00+08:00'));
    expect(await listed(await t.login(desk.clerk.username))).toMatchObject({ overdue: true, handleByOn: '2026-12-06' });
    t.clock.set(new Date('2026-12-04T10:00:00+08:00'));
  });
});
