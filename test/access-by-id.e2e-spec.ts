import { PNG_1X1 } from './factories/evidence-files';
import { residentId } from './factories/identities';
import { Desk, makeDesk, makeEmployer, makeStaff, openCase } from './factories/scenario';
import { sendReport } from './factories/worker-reports';
import { Api, ApiResponse, TestApp, startTestApp } from './support/test-app';

const MISSING = '00000000-0000-4000-8000-000000000000';

/** Operations whose ids are not kept to an organisation, and why; each is still checked to tell nothing of a district's cases. */
const NOT_SCOPED: Record<string, string> = {
  'GET /holidays/{year}': 'the holiday calendar is one for the whole country',
  'PUT /holidays/{year}': 'the holiday calendar is one for the whole country',
  'GET /seasons/{festivalYear}': 'the season and its targets are the city’s',
  'PUT /seasons/{festivalYear}': 'the season and its targets are the city’s',
  'PUT /criminal-thresholds/{province}': 'a province’s thresholds are public law, one set for everyone',
  'PUT /me/channels/{channel}': 'the caller’s own channel: the path names a kind of channel, not a record',
  'POST /me/channels/{channel}/test': 'the caller’s own channel: the path names a kind of channel, not a record',
  'PUT /reminder-rules/{kind}': 'reminder rules are one per kind for the whole city',
  'GET /reports/breakdowns/{dimension}': 'the path names a dimension; its organisationId is checked below as a query id',
  'GET /employers/{id}': 'employers are a shared register across districts (read-only check: no case of another district in it)',
  'PATCH /employers/{id}': 'employers are a shared register across districts, corrected by whoever may edit it',
  'GET /projects/{id}': 'projects are a shared register across districts (read-only check: no case of another district in it)',
  'GET /reports/employers/{creditCode}': 'the employer record of the shared register; it must list only the caller’s cases (checked below)',
  'GET /projects': 'employerId filters the shared register of projects',
  'GET /audit': 'administrators only; actorId and entityId are search terms, and the answer is checked below to show nothing of another district',
  'GET /mediation-sessions': 'mediatorId and roomId filter the caller’s own sessions; the answer is checked below to show nothing of another district',
  'POST /public/reports/{receiptNumber}/photos':
    'public, no account: opened by the receipt number with its code, never by scope (a wrong code and a missing number answer alike: test/worker-reports)',
};

type Call = (api: Api) => Promise<ApiResponse>;

/**
 * A user of another organisation learns nothing about a record by its id: every operation that takes
 * an id in its path (or a GET that takes one as a query filter) answers him as for a missing record.
 * The operations come from the OpenAPI document, so a new endpoint cannot be forgotten.
 */
describe('Access by id: another organisation’s records answer as missing ones', () => {
  let t: TestApp;
  let a: Desk;
  let b: Desk;
  let document: { paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>> };
  let bUsers: Record<string, Api>;
  /** What must never appear in an answer to district B. */
  let secrets: string[];
  let sharedSecrets: string[];
  const ids: Record<string, string> = {};
  let before: Awaited<ReturnType<typeof recordsOfA>>;
  /** What district A sees of its own records, to show that nothing attempted from B changed them. */
  const recordsOfA = async () => {
    const read = async (api: Api, path: string) => {
      const response = await api.get(path);
      return { status: response.status, body: response.body };
    };
    return {
      case: await read(a.mediator.api, `/cases/${ids.case}`),
      claims: await read(a.mediator.api, `/cases/${ids.case}/claims`),
      payouts: await read(a.mediator.api, `/cases/${ids.case}/payouts`),
      events: await read(a.mediator.api, `/cases/${ids.case}/events?pageSize=100`),
      sessions: await read(a.mediator.api, `/cases/${ids.case}/sessions`),
      agreement: await read(a.mediator.api, `/cases/${ids.case}/agreement`),
      worker: await read(a.lawyer.api, `/workers/${ids.otherWorker}`),
      organisation: await read(t.admin, `/organisations/${a.organisation.id}`),
      lawyer: await read(t.admin, `/users/${a.lawyer.id}`),
      duty: await read(t.admin, `/duty-shifts?organisationId=${a.organisation.id}`),
      consultations: await read(a.lawyer.api, `/consultations?day=2026-12-10`),
      inbox: await read(a.mediator.api, '/inbox'),
    };
  };

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2026-12-10T10:00:00+08:00') });
    document = (await t.anonymous.get('/docs/json')).body;
    a = await makeDesk(t);
    b = await makeDesk(t);
    const ok = (response: ApiResponse, what: string) => {
      if (response.status >= 300) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    };
    const aAdmin = await makeStaff(t, a.organisation.id, 'admin');
    const owner = await makeEmployer(a.lawyer.api, { kind: 'project_owner', industry: 'other', name: '甲区业主某某置业有限公司' });
    const project = ok(await a.lawyer.api.post('/projects', { name: '甲区某某公园景观工程', site: '顺义区', ownerId: owner.id }), 'project');
    ids.project = project.id;
    const opened = await openCase(a, {
      mediatorId: a.mediator.id,
      projectId: project.id,
      claims: [
        { worker: { name: '甲区工人鲍一', idNumber: residentId(9101) }, amountClaimed: '3000.00', amountConfirmed: '3000.00' },
        { worker: { name: '甲区工人鲍二', idNumber: residentId(9102) }, amountClaimed: '4000.00', amountConfirmed: '4000.00' },
      ],
    });
    ids.case = opened.id;
    for (const to of ['verifying', 'mediating']) ok(await a.mediator.api.post(`/cases/${opened.id}/transitions`, { to }), to);
    const claims = ok(await a.mediator.api.get(`/cases/${opened.id}/claims`), 'claims').items;
    ids.claim = claims[0].id;
    ids.worker = claims[0].worker.id;
    ids.otherWorker = claims[1].worker.id;
    const room = ok(await t.admin.post('/mediation-rooms', { organisationId: a.organisation.id, name: '甲区第一调解室' }), 'room');
    ids.room = room.id;
    const session = ok(
      await a.mediator.api.post(`/cases/${opened.id}/sessions`, {
        startsAt: '2026-12-12T09:30:00+08:00',
        endsAt: '2026-12-12T11:00:00+08:00',
        roomId: room.id,
      }),
      'session',
    );
    ids.session = session.id;
    ids.sessionVersion = String(session.version);
    ok(
      await a.mediator.api.post(`/cases/${opened.id}/agreement`, {
        signedOn: '2026-12-10',
        schedule: 'total',
        instalments: [{ dueOn: '2026-12-20', amount: '7000.00' }],
      }),
      'agreement',
    );
    ok(
      await a.mediator.api.post(`/cases/${opened.id}/payouts`, {
        paidOn: '2026-12-10',
        payerKind: 'employer',
        channel: 'bank_transfer',
        items: [{ claimId: ids.claim, amount: '1000.00' }],
      }),
      'payout',
    );
    ids.payout = (await a.mediator.api.get(`/cases/${opened.id}/payouts`)).body.items[0].id;
    ids.correction = ok(
      await a.mediator.api.post(`/cases/${opened.id}/payouts/${ids.payout}/corrections`, { action: 'void', reason: '甲区误登记的支付' }),
      'correction',
    ).id;
    ids.file = ok(await a.lawyer.api.upload(`/cases/${opened.id}/files?kind=iou&name=${encodeURIComponent('甲区欠条.png')}`, PNG_1X1, 'image/png'), 'file').id;
    // a case of A closed, its callback answered "not satisfied": what B must not see, answer or follow up
    const closed = await openCase(a, {
      mediatorId: a.mediator.id,
      claims: [{ worker: { name: '甲区工人鲍三', idNumber: residentId(9103) }, amountClaimed: '500.00', amountConfirmed: '500.00' }],
    });
    ids.closedCase = closed.id;
    for (const to of ['verifying', 'mediating']) ok(await a.mediator.api.post(`/cases/${closed.id}/transitions`, { to }), to);
    const [closedClaim] = ok(await a.mediator.api.get(`/cases/${closed.id}/claims`), 'claims').items;
    ok(
      await a.mediator.api.post(`/cases/${closed.id}/payouts`, {
        paidOn: '2026-12-10',
        payerKind: 'employer',
        channel: 'bank_transfer',
        items: [{ claimId: closedClaim.id, amount: '500.00' }],
      }),
      'payout in full',
    );
    ok(await a.mediator.api.post(`/cases/${closed.id}/transitions`, { to: 'closed', outcome: 'paid_in_full' }), 'closed');
    ids.callback = ok(await a.mediator.api.get(`/cases/${closed.id}/callbacks`), 'callbacks')[0].id;
    ok(await a.mediator.api.post(`/cases/${closed.id}/callbacks/${ids.callback}/answer`, { reached: true, satisfaction: 'not_satisfied' }), 'answer');
    const consultation = ok(
      await a.lawyer.api.post('/consultations', {
        organisationId: a.organisation.id,
        channel: 'walk_in',
        topic: 'unpaid_wages',
        workerName: '甲区咨询人鲍三',
        employerId: a.employer.id,
        advice: '建议立案调解',
        durationMinutes: 10,
        consultedAt: '2026-12-10T09:00:00+08:00',
      }),
      'consultation',
    );
    ids.consultation = consultation.id;
    const visit = ok(
      await a.lawyer.api.post('/outreach-visits', {
        organisationId: a.organisation.id,
        visitedOn: '2026-12-08',
        employerId: a.employer.id,
        site: '顺义区某工地',
        workersReached: 20,
        wageSheets: 'incomplete',
        dedicatedWageAccount: 'missing',
        guaranteeDeposit: 'in_order',
        realNameRecords: 'incomplete',
        arrearsFound: true,
        estimatedWorkers: 10,
        estimatedAmount: '100000.00',
        findings: '甲区工地11月工资未发放',
      }),
      'visit',
    );
    ids.earlyWarning = visit.earlyWarning.id;
    // a worker's online report sent to A, with a photo: what B must neither see nor take
    const report = ok(await sendReport(t.anonymous, { idNumber: residentId(9104), name: '甲区工人鲍四', organisationId: a.organisation.id }), 'report');
    ok(await t.anonymous.withHeaders({ 'x-lookup-code': report.lookupCode }).upload(`/public/reports/${report.receiptNumber}/photos`, PNG_1X1, 'image/png'), 'photo');
    ids.report = ok(await a.clerk.api.get('/worker-reports'), 'queue').items[0].id;
    ids.reportPhoto = ok(await a.clerk.api.get(`/worker-reports/${ids.report}`), 'report').photos[0].id;
    ids.dutyShift = ok(await t.admin.post('/duty-shifts', { organisationId: a.organisation.id, lawyerId: a.lawyer.id, day: '2026-12-15' }), 'shift').id;
    const [reminder] = await t.dataSource.query(
      `INSERT INTO reminders (kind, subject, due_on, recipient_id, case_id, urgency, title, body)
       VALUES ('session_upcoming', $1, '2026-12-11', $2, $4, 'info', $3, $3) RETURNING id`,
      [`case:${opened.id}`, a.mediator.id, `调解提醒：${opened.caseNumber}`, opened.id],
    );
    ids.reminder = reminder.id;
    ok(await a.lawyer.api.post('/lawyer-engagements', { employerId: owner.id, note: '甲区律师曾为业主提供咨询' }), 'engagement');

    secrets = [opened.caseNumber, '甲区工人鲍四', '甲区工人鲍一', '甲区工人鲍二', '甲区咨询人鲍三', '甲区工地11月', a.employer.name, owner.name, project.name, room.name, a.lawyer.displayName, a.mediator.displayName, aAdmin.displayName, a.organisation.name];
    sharedSecrets = [opened.caseNumber, '甲区工人鲍一', '甲区工人鲍二', '甲区咨询人鲍三', '甲区工地11月'];

    ok(await a.lawyer.api.post(`/cases/${opened.id}/notes`, { text: '甲区备注' }, { 'Idempotency-Key': 'access-by-id-note-1' }), 'note');
    before = await recordsOfA();
    bUsers = {
      admin: (await makeStaff(t, b.organisation.id, 'admin')).api,
      leader: b.leader.api,
      lawyer: b.lawyer.api,
      mediator: b.mediator.api,
      intake_clerk: b.clerk.api,
      'lawyer+mediator+intake_clerk': (await makeStaff(t, b.organisation.id, ['lawyer', 'mediator', 'intake_clerk'])).api,
    };
  });
  afterAll(() => t.close());

  const del = (api: Api, path: string) => api.request<any>('DELETE', path, undefined, {});
  const raw = async (api: Api, path: string): Promise<ApiResponse> => {
    const response = await api.getRaw(path);
    return { status: response.status, body: await response.text(), headers: response.headers };
  };

  /** Every operation with an id in its path, called with district A's ids. */
  const byPath: Record<string, Call> = {
    'GET /cases/{id}': (api) => api.get(`/cases/${ids.case}`),
    'PATCH /cases/{id}': (api) => api.patch(`/cases/${ids.case}`, { version: 1, summary: '越权修改' }),
    'POST /cases/{id}/assignment': (api) => api.post(`/cases/${ids.case}/assignment`, { mediatorId: b.mediator.id }),
    'POST /cases/{id}/transitions': (api) => api.post(`/cases/${ids.case}/transitions`, { to: 'closed', outcome: 'partly_paid' }),
    'POST /cases/{id}/dispatch': (api) => api.post(`/cases/${ids.case}/dispatch`, { organisationId: b.organisation.id }),
    'POST /cases/{id}/notes': (api) => api.post(`/cases/${ids.case}/notes`, { text: '越权备注' }),
    'POST /cases/{id}/evidence': (api) => api.post(`/cases/${ids.case}/evidence`, { kind: 'other', description: '越权证据' }),
    'POST /cases/{id}/employers': (api) => api.post(`/cases/${ids.case}/employers`, { employerId: b.employer.id, role: 'subcontractor' }),
    'GET /cases/{id}/events': (api) => api.get(`/cases/${ids.case}/events`),
    'POST /cases/{caseId}/claims': (api) =>
      api.post(`/cases/${ids.case}/claims`, { claims: [{ worker: { name: '乙区某', idNumber: residentId(9201) }, amountClaimed: '1.00' }] }),
    'GET /cases/{caseId}/claims': (api) => api.get(`/cases/${ids.case}/claims`),
    'POST /cases/{caseId}/claims/import': (api) =>
      api.upload(`/cases/${ids.case}/claims/import`, `姓名,身份证号,主张金额\r\n乙区某,${residentId(9202)},1.00`, 'text/csv'),
    'GET /cases/{caseId}/claims/{claimId}': (api) => api.get(`/cases/${ids.case}/claims/${ids.claim}`),
    'PATCH /cases/{caseId}/claims/{claimId}': (api) => api.patch(`/cases/${ids.case}/claims/${ids.claim}`, { version: 1, amountConfirmed: '1.00' }),
    'POST /cases/{caseId}/claims/confirmations': (api) =>
      api.post(`/cases/${ids.case}/claims/confirmations`, { confirmedOn: '2026-12-10', items: [{ claimId: ids.claim, amountConfirmed: '1.00' }] }),
    'DELETE /duty-shifts/{id}': (api) => del(api, `/duty-shifts/${ids.dutyShift}`),
    'POST /consultations/{id}/case': (api) => api.post(`/consultations/${ids.consultation}/case`, {}),
    'POST /early-warnings/{id}/case': (api) => api.post(`/early-warnings/${ids.earlyWarning}/case`, {}),
    'GET /cases/{caseId}/conflicts': (api) => api.get(`/cases/${ids.case}/conflicts`),
    'GET /cases/{caseId}/criminal-threshold': (api) => api.get(`/cases/${ids.case}/criminal-threshold?province=${encodeURIComponent('北京市')}`),
    'GET /cases/{caseId}/deadlines': (api) => api.get(`/cases/${ids.case}/deadlines`),
    'PATCH /cases/{caseId}/legal-dates': (api) => api.patch(`/cases/${ids.case}/legal-dates`, {}),
    'POST /cases/{caseId}/sessions': (api) =>
      api.post(`/cases/${ids.case}/sessions`, { startsAt: '2026-12-12T09:30:00+08:00', endsAt: '2026-12-12T10:00:00+08:00' }),
    'GET /cases/{caseId}/sessions': (api) => api.get(`/cases/${ids.case}/sessions`),
    'POST /cases/{caseId}/sessions/{sessionId}/outcome': (api) =>
      api.post(`/cases/${ids.case}/sessions/${ids.session}/outcome`, { version: Number(ids.sessionVersion), outcome: 'no_agreement' }),
    'POST /cases/{caseId}/sessions/{sessionId}/cancel': (api) => api.post(`/cases/${ids.case}/sessions/${ids.session}/cancel`),
    'PUT /cases/{caseId}/representatives': (api) =>
      api.put(`/cases/${ids.case}/representatives`, { workerIds: [ids.worker], electedOn: '2026-12-10' }),
    'POST /cases/{caseId}/agreement': (api) =>
      api.post(`/cases/${ids.case}/agreement`, { signedOn: '2026-12-10', schedule: 'total', instalments: [{ dueOn: '2026-12-20', amount: '1.00' }] }),
    'GET /cases/{caseId}/agreement': (api) => api.get(`/cases/${ids.case}/agreement`),
    'GET /cases/{caseId}/agreement/document': (api) => raw(api, `/cases/${ids.case}/agreement/document?idNumbers=full`),
    'GET /organisations/{id}': (api) => api.get(`/organisations/${a.organisation.id}`),
    'PATCH /organisations/{id}': (api) => api.patch(`/organisations/${a.organisation.id}`, { name: '越权改名' }),
    'POST /cases/{caseId}/payouts': (api) =>
      api.post(`/cases/${ids.case}/payouts`, {
        paidOn: '2026-12-10',
        payerKind: 'employer',
        channel: 'bank_transfer',
        items: [{ claimId: ids.claim, amount: '1.00' }],
      }),
    'GET /cases/{caseId}/payouts': (api) => api.get(`/cases/${ids.case}/payouts?claimId=${ids.claim}`),
    'POST /cases/{caseId}/payouts/{payoutId}/corrections': (api) =>
      api.post(`/cases/${ids.case}/payouts/${ids.payout}/corrections`, { action: 'replace', amount: '1.00', reason: '越权冲正' }),
    'GET /cases/{caseId}/payout-corrections': (api) => api.get(`/cases/${ids.case}/payout-corrections`),
    'POST /cases/{caseId}/payouts/{payoutId}/handover': (api) =>
      api.post(`/cases/${ids.case}/payouts/${ids.payout}/handover`, { handedOverOn: '2026-12-10', channel: 'cash_with_signature' }),
    'POST /cases/{caseId}/files': (api) => api.upload(`/cases/${ids.case}/files?kind=iou&name=b.png`, PNG_1X1, 'image/png'),
    'GET /cases/{caseId}/files': (api) => api.get(`/cases/${ids.case}/files`),
    'GET /cases/{caseId}/files/{fileId}/content': (api) => api.get(`/cases/${ids.case}/files/${ids.file}/content`),
    'GET /worker-reports/{id}': (api) => api.get(`/worker-reports/${ids.report}`),
    'GET /worker-reports/{id}/photos/{photoId}/content': (api) => raw(api, `/worker-reports/${ids.report}/photos/${ids.reportPhoto}/content`),
    'POST /worker-reports/{id}/case': (api) =>
      api.post(`/worker-reports/${ids.report}/case`, { organisationId: b.organisation.id, employers: [{ employerId: b.employer.id, role: 'employer' }] }),
    'POST /worker-reports/{id}/join': (api) => api.post(`/worker-reports/${ids.report}/join`, { caseId: ids.case }),
    'POST /worker-reports/{id}/decline': (api) => api.post(`/worker-reports/${ids.report}/decline`, { reason: '越权不予受理' }),
    'GET /cases/{caseId}/callbacks': (api) => api.get(`/cases/${ids.closedCase}/callbacks`),
    'POST /cases/{caseId}/callbacks/{callbackId}/answer': (api) =>
      api.post(`/cases/${ids.closedCase}/callbacks/${ids.callback}/answer`, { reached: false }),
    'POST /cases/{caseId}/callbacks/{callbackId}/follow-up': (api) =>
      api.post(`/cases/${ids.closedCase}/callbacks/${ids.callback}/follow-up`, { note: '越权跟进' }),
    'POST /cases/{caseId}/payout-corrections/{correctionId}/approve': (api) =>
      api.post(`/cases/${ids.case}/payout-corrections/${ids.correction}/approve`, {}),
    'POST /cases/{caseId}/payout-corrections/{correctionId}/reject': (api) =>
      api.post(`/cases/${ids.case}/payout-corrections/${ids.correction}/reject`, { note: '越权驳回' }),
    'POST /inbox/{id}/read': (api) => api.post(`/inbox/${ids.reminder}/read`),
    'GET /users/{id}': (api) => api.get(`/users/${a.lawyer.id}`),
    'PATCH /users/{id}': (api) => api.patch(`/users/${a.lawyer.id}`, { displayName: '越权改名' }),
    'POST /users/{id}/password': (api) => api.post(`/users/${a.lawyer.id}/password`, { password: 'Spring-harvest-Daxing-2028' }),
    'PUT /users/{id}/lawyer-profile': (api) => api.put(`/users/${a.lawyer.id}/lawyer-profile`, { licenceNumber: '11101200000000001', firm: '越权律所' }),
    'GET /workers/{id}': (api) => api.get(`/workers/${ids.worker}`),
    'PATCH /workers/{id}': (api) => api.patch(`/workers/${ids.worker}`, { version: 1, mobile: '13900009999' }),
    'POST /workers/{id}/reveal': (api) => api.post(`/workers/${ids.worker}/reveal`, { field: 'idNumber' }),
  };

  /** GET operations that take an id as a query filter: A's id answers exactly as a missing one. */
  const byQuery: Record<string, (id: (real: string) => string) => (api: Api) => Promise<ApiResponse>> = {
    'GET /cases': (id) => (api) => api.get(`/cases?organisationId=${id(a.organisation.id)}`),
    'GET /cases/export': (id) => (api) => raw(api, `/cases/export?format=csv&lawyerId=${id(a.lawyer.id)}`),
    'GET /duty-shifts': (id) => (api) => api.get(`/duty-shifts?organisationId=${id(a.organisation.id)}`),
    'GET /consultations': (id) => (api) => api.get(`/consultations?lawyerId=${id(a.lawyer.id)}`),
    'GET /lawyer-engagements': (id) => (api) => api.get(`/lawyer-engagements?lawyerId=${id(a.lawyer.id)}`),
    'GET /reports/summary': (id) => (api) => api.get(`/reports/summary?organisationId=${id(a.organisation.id)}`),
    'GET /reports/festival': (id) => (api) => api.get(`/reports/festival?organisationId=${id(a.organisation.id)}`),
    'GET /reports/breakdowns/{dimension}': (id) => (api) => api.get(`/reports/breakdowns/employer?organisationId=${id(a.organisation.id)}`),
    'GET /reports/callbacks': (id) => (api) => api.get(`/reports/callbacks?organisationId=${id(a.organisation.id)}`),
    'GET /held-money': (id) => (api) => api.get(`/held-money?organisationId=${id(a.organisation.id)}`),
    'GET /users': (id) => (api) => api.get(`/users?organisationId=${id(a.organisation.id)}`),
  };

  /** Shared registers and city-wide settings: whatever they answer, never another district's cases or workers. */
  const shared: Record<string, Call> = {
    'GET /employers/{id}': (api) => api.get(`/employers/${a.employer.id}`),
    'GET /projects/{id}': (api) => api.get(`/projects/${ids.project}`),
    'GET /reports/employers/{creditCode}': (api) => api.get(`/reports/employers/${a.employer.creditCode}`),
    'GET /mediation-sessions': (api) => api.get(`/mediation-sessions?roomId=${ids.room}&mediatorId=${a.mediator.id}`),
    'GET /audit': (api) => api.get(`/audit?entityId=${ids.case}`),
    'GET /projects': (api) => api.get(`/projects?employerId=${a.employer.id}`),
  };

  const leaked = (response: ApiResponse, words: string[]) => {
    const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? '');
    return words.filter((word) => text.includes(word));
  };

  it('checks or lists with a reason every operation that takes an id', () => {
    const takingIds = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([method, operation]) =>
          (operation.parameters ?? []).some(
            (p) => p.in === 'path' || (method === 'get' && p.in === 'query' && /(^id$|Id$|Code$)/.test(p.name)),
          ),
        )
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    const known = new Set([...Object.keys(byPath), ...Object.keys(byQuery), ...Object.keys(NOT_SCOPED)]);
    expect(takingIds.filter((operation) => !known.has(operation))).toEqual([]);
    expect([...known].filter((operation) => !takingIds.includes(operation))).toEqual([]);
  });

  it.each(Object.keys(byPath))('%s: 404 (or 403 without the permission) for every role of another district, telling nothing', async (operation) => {
    const outcomes: Record<string, unknown> = {};
    const statuses: number[] = [];
    for (const [role, api] of Object.entries(bUsers)) {
      const response = await byPath[operation](api);
      statuses.push(response.status);
      const words = leaked(response, secrets);
      outcomes[role] = response.status === 404 || response.status === 403 ? (words.length ? words : 'ok') : { status: response.status, body: response.body };
    }
    expect(outcomes).toEqual(Object.fromEntries(Object.keys(bUsers).map((role) => [role, 'ok'])));
    // someone of district B holds the permission, so the scope itself was tested
    expect(statuses).toContain(404);
  });

  it.each(Object.keys(byQuery))('%s: another district’s id as a filter answers as a missing one', async (operation) => {
    for (const [role, api] of Object.entries(bUsers)) {
      const real = await byQuery[operation]((id) => id)(api);
      const missing = await byQuery[operation](() => MISSING)(api);
      expect({ role, status: real.status, leaked: leaked(real, secrets) }).toEqual({ role, status: missing.status, leaked: [] });
      expect({ role, body: real.body }).toEqual({ role, body: missing.body });
    }
  });

  it.each(Object.keys(shared))('%s (shared register): never another district’s cases or workers', async (operation) => {
    for (const [role, api] of Object.entries(bUsers)) {
      const response = await shared[operation](api);
      expect({ role, status: response.status < 500, leaked: leaked(response, sharedSecrets) }).toEqual({ role, status: true, leaked: [] });
    }
  });

  it('names another district’s records in a body like missing ones: validation messages and conflict flags tell nothing', async () => {
    const theirs = await openCase(b, { mediatorId: b.mediator.id, claims: [{ worker: { name: '甲区工人鲍一', idNumber: residentId(9101) }, amountClaimed: '500.00' }] });
    // B typed this worker's name and id number itself: only what B could not know counts
    const unknownToB = secrets.filter((word) => word !== '甲区工人鲍一');
    for (const to of ['verifying', 'mediating']) expect((await b.mediator.api.post(`/cases/${theirs.id}/transitions`, { to })).status).toBe(200);
    const attempts: Record<string, () => Promise<ApiResponse>> = {
      'a case for A': () => b.lawyer.api.post('/cases', { organisationId: a.organisation.id, intakeChannel: 'walk_in', intakeDate: '2026-12-10', summary: '越权', employers: [{ employerId: b.employer.id, role: 'employer' }] }),
      'A’s lawyer and mediator on a case': () =>
        b.lawyer.api.post('/cases', { organisationId: b.organisation.id, intakeChannel: 'walk_in', intakeDate: '2026-12-10', summary: '越权', employers: [{ employerId: b.employer.id, role: 'employer' }], lawyerId: a.lawyer.id, mediatorId: a.mediator.id }),
      'A’s mediator assigned': () => b.clerk.api.post(`/cases/${theirs.id}/assignment`, { mediatorId: a.mediator.id }),
      'A’s room booked over A’s session': () =>
        b.mediator.api.post(`/cases/${theirs.id}/sessions`, { startsAt: '2026-12-12T09:30:00+08:00', endsAt: '2026-12-12T11:00:00+08:00', roomId: ids.room }),
      'A’s lawyer on duty in B on his day in A': () => bUsers.admin.post('/duty-shifts', { organisationId: b.organisation.id, lawyerId: a.lawyer.id, day: '2026-12-15' }),
      'a B user moved into A': () => bUsers.admin.patch(`/users/${b.lawyer.id}`, { organisationId: a.organisation.id }),
      'B moved under A': () => bUsers.admin.patch(`/organisations/${b.organisation.id}`, { parentId: a.organisation.id }),
      'a consultation for A': () =>
        b.lawyer.api.post('/consultations', { organisationId: a.organisation.id, channel: 'walk_in', topic: 'unpaid_wages', advice: '越权', durationMinutes: 5 }),
      'A’s claim paid from B’s case': () =>
        b.mediator.api.post(`/cases/${theirs.id}/payouts`, { paidOn: '2026-12-10', payerKind: 'employer', channel: 'bank_transfer', items: [{ claimId: ids.claim, amount: '1.00' }] }),
      'A’s claim confirmed from B’s case': () =>
        b.mediator.api.post(`/cases/${theirs.id}/claims/confirmations`, { confirmedOn: '2026-12-10', items: [{ claimId: ids.claim, amountConfirmed: '1.00' }] }),
      'A’s worker elected in B’s case': () => b.mediator.api.put(`/cases/${theirs.id}/representatives`, { workerIds: [ids.otherWorker], electedOn: '2026-12-10' }),
      'B’s payouts filtered by A’s claim': () => b.mediator.api.get(`/cases/${theirs.id}/payouts?claimId=${ids.claim}`),
      'A’s request replayed with A’s Idempotency-Key': () =>
        b.lawyer.api.post(`/cases/${ids.case}/notes`, { text: '甲区备注' }, { 'Idempotency-Key': 'access-by-id-note-1' }),
      'the conflicts of a case sharing a worker with A': () => b.lawyer.api.get(`/cases/${theirs.id}/conflicts`),
    };
    const outcomes: Record<string, unknown> = {};
    for (const [name, attempt] of Object.entries(attempts)) {
      const response = await attempt();
      const words = leaked(response, unknownToB);
      const refusedOrHarmless = response.status >= 400 || name.startsWith('B’s payouts') || name.startsWith('the conflicts');
      outcomes[name] = refusedOrHarmless && response.status < 500 && words.length === 0 ? 'ok' : { status: response.status, leaked: words, body: response.body };
    }
    expect(outcomes).toEqual(Object.fromEntries(Object.keys(attempts).map((name) => [name, 'ok'])));
  });

  it('lists, reports and exports without an id tell another district nothing of A’s cases, people or rooms', async () => {
    const lists = Object.entries(document.paths)
      // the public pages list the district unions to anyone, by design (a worker chooses where to send his report)
      .filter(([path, methods]) => methods.get && !path.includes('{') && !/^\/(docs|health|auth|public)/.test(path))
      .map(([path]) => path);
    expect(lists.length).toBeGreaterThan(20);
    // employers and projects are shared registers, their names listed to everyone; 甲区工人鲍一 also claims in B's case (above)
    const notShared = secrets.filter((word) => ![a.employer.name, '甲区业主某某置业有限公司', '甲区某某公园景观工程', '甲区工人鲍一'].includes(word));
    const found: Record<string, string[]> = {};
    for (const path of lists) {
      for (const [role, api] of Object.entries(bUsers)) {
        const response = path.endsWith('/export') ? await raw(api, `${path}?format=csv`) : await api.get(`${path}?pageSize=200`);
        const words = leaked(response, notShared);
        if (words.length > 0 || response.status >= 500) found[`${role} GET ${path} ${response.status}`] = words;
      }
    }
    expect(found).toEqual({});
  });

  it('leaves district A’s records exactly as they were after every attempt above', async () => {
    expect(Object.values(before).map((record) => record.status)).toEqual(Object.values(before).map(() => 200));
    expect(await recordsOfA()).toEqual(before);
  });
});
