import { residentId } from './factories/identities';
import { Desk, makeDesk, makeStaff, openCase } from './factories/scenario';
import { readmePermissionMatrix } from './support/readme-matrix';
import { Api, ApiResponse, TestApp, startTestApp } from './support/test-app';

const ROLES = ['admin', 'leader', 'lawyer', 'mediator', 'intake_clerk'] as const;
type Role = (typeof ROLES)[number];

interface Probe {
  name: string;
  permission: string;
  call: (api: Api) => Promise<ApiResponse>;
}

/**
 * Who may do what, and where: every endpoint group tried by every role, held to the README's matrix;
 * and organisation scope, where another district's case answers exactly like a missing one.
 */
describe('Access: the permission matrix and organisation scope', () => {
  let t: TestApp;
  let desk: Desk;
  let other: Desk;
  let staff: Record<Role, Api>;
  /** A lawyer who also mediates: allowed wherever either role is. */
  let lawyerMediator: Api;
  let caseId: string;
  let claim: any;
  let workerId: string;

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2026-12-10T10:00:00+08:00') });
    desk = await makeDesk(t);
    other = await makeDesk(t);
    const admin = await makeStaff(t, desk.organisation.id, 'admin');
    staff = { admin: admin.api, leader: desk.leader.api, lawyer: desk.lawyer.api, mediator: desk.mediator.api, intake_clerk: desk.clerk.api };
    lawyerMediator = (await makeStaff(t, desk.organisation.id, ['lawyer', 'mediator'])).api;
    const opened = await openCase(desk, {
      claims: [{ worker: { name: '韩九', idNumber: residentId(31), mobile: '13900000031' }, amountClaimed: '3000.00' }],
    });
    caseId = opened.id;
    claim = (await desk.lawyer.api.get(`/cases/${caseId}/claims`)).body.items[0];
    workerId = claim.worker.id;
  });
  afterAll(() => t.close());

  const probes: Probe[] = [
    { name: 'list cases', permission: 'cases.read', call: (api) => api.get('/cases') },
    { name: 'read a case', permission: 'cases.read', call: (api) => api.get(`/cases/${caseId}`) },
    { name: 'read a timeline', permission: 'cases.read', call: (api) => api.get(`/cases/${caseId}/events`) },
    { name: 'list payouts', permission: 'cases.read', call: (api) => api.get(`/cases/${caseId}/payouts`) },
    { name: 'export the case list', permission: 'cases.read', call: (api) => api.getRaw('/cases/export?format=csv') },
    {
      name: 'open a case',
      permission: 'cases.open',
      call: (api) =>
        api.post('/cases', {
          organisationId: desk.organisation.id,
          intakeChannel: 'hotline_12351',
          intakeDate: '2026-12-10',
          summary: '来电反映欠薪',
          employers: [{ employerId: desk.employer.id, role: 'employer' }],
        }),
    },
    { name: 'import a roster', permission: 'cases.open', call: (api) => api.post(`/cases/${caseId}/claims/import`, { rows: [] }) },
    { name: 'add a note', permission: 'cases.edit', call: (api) => api.post(`/cases/${caseId}/notes`, { text: '电话回访' }) },
    { name: 'assign people', permission: 'cases.assign', call: (api) => api.post(`/cases/${caseId}/assignment`, { mediatorId: desk.mediator.id }) },
    { name: 'dispatch', permission: 'cases.dispatch', call: (api) => api.post(`/cases/${caseId}/dispatch`, { organisationId: desk.organisation.id }) },
    { name: 'change status', permission: 'cases.transition', call: (api) => api.post(`/cases/${caseId}/transitions`, { to: 'received' }) },
    { name: 'confirm a claim', permission: 'claims.edit', call: (api) => api.patch(`/cases/${caseId}/claims/${claim.id}`, { version: 999 }) },
    { name: 'record payouts', permission: 'payouts.record', call: (api) => api.post(`/cases/${caseId}/payouts`, {}) },
    { name: 'ask for a payout correction', permission: 'payouts.correct', call: (api) => api.post(`/cases/${caseId}/payouts/${claim.id}/corrections`, {}) },
    { name: 'list payout corrections', permission: 'cases.read', call: (api) => api.get(`/cases/${caseId}/payout-corrections`) },
    { name: 'list the corrections waiting for approval', permission: 'payouts.approve', call: (api) => api.get('/payout-corrections/pending') },
    { name: 'approve a payout correction', permission: 'payouts.approve', call: (api) => api.post(`/cases/${caseId}/payout-corrections/${claim.id}/approve`, {}) },
    { name: 'reject a payout correction', permission: 'payouts.approve', call: (api) => api.post(`/cases/${caseId}/payout-corrections/${claim.id}/reject`, {}) },
    { name: "list a case's callbacks", permission: 'cases.read', call: (api) => api.get(`/cases/${caseId}/callbacks`) },
    { name: 'record a callback', permission: 'callbacks.record', call: (api) => api.post(`/cases/${caseId}/callbacks/${claim.id}/answer`, {}) },
    { name: 'follow up a callback', permission: 'callbacks.follow_up', call: (api) => api.post(`/cases/${caseId}/callbacks/${claim.id}/follow-up`, {}) },
    { name: 'list the callbacks due', permission: 'cases.read', call: (api) => api.get('/callbacks/due') },
    { name: 'list the callbacks not satisfied', permission: 'cases.read', call: (api) => api.get('/callbacks/unsatisfied') },
    { name: 'read the callback policy', permission: 'cases.read', call: (api) => api.get('/callback-policy') },
    { name: 'set the callback policy', permission: 'rules.manage', call: (api) => api.put('/callback-policy', {}) },
    { name: 'list the workers’ online reports', permission: 'worker_reports.handle', call: (api) => api.get('/worker-reports') },
    { name: 'read the days a report may wait', permission: 'cases.read', call: (api) => api.get('/worker-report-policy') },
    { name: 'set the days a report may wait', permission: 'rules.manage', call: (api) => api.put('/worker-report-policy', {}) },
    { name: 'report the callbacks', permission: 'reports.read', call: (api) => api.get('/reports/callbacks') },
    { name: 'hand held money over', permission: 'payouts.record', call: (api) => api.post(`/cases/${caseId}/payouts/${claim.id}/handover`, {}) },
    { name: 'list the money held', permission: 'cases.read', call: (api) => api.get('/held-money') },
    { name: 'attach an evidence file', permission: 'cases.edit', call: (api) => api.upload(`/cases/${caseId}/files?kind=iou&name=a.jpg`, Buffer.from('MZ'), 'image/jpeg') },
    { name: "list a case's files", permission: 'cases.read', call: (api) => api.get(`/cases/${caseId}/files`) },
    { name: 'open an evidence file', permission: 'cases.read', call: (api) => api.get(`/cases/${caseId}/files/${claim.id}/content`) },
    { name: 'schedule a mediation session', permission: 'mediation.manage', call: (api) => api.post(`/cases/${caseId}/sessions`, {}) },
    { name: 'record an agreement', permission: 'mediation.manage', call: (api) => api.post(`/cases/${caseId}/agreement`, {}) },
    { name: 'list mediation sessions', permission: 'cases.read', call: (api) => api.get(`/cases/${caseId}/sessions`) },
    { name: 'list workers', permission: 'workers.read', call: (api) => api.get('/workers') },
    { name: 'register a worker', permission: 'workers.edit', call: (api) => api.post('/workers', {}) },
    { name: 'reveal an id number', permission: 'workers.reveal', call: (api) => api.post(`/workers/${workerId}/reveal`, { field: 'idNumber' }) },
    { name: 'list employers', permission: 'employers.read', call: (api) => api.get('/employers') },
    { name: 'list projects', permission: 'employers.read', call: (api) => api.get('/projects') },
    { name: "read an employer's record", permission: 'employers.read', call: (api) => api.get(`/reports/employers/${desk.employer.creditCode}`) },
    { name: 'register an employer', permission: 'employers.edit', call: (api) => api.post('/employers', {}) },
    { name: 'register a project', permission: 'employers.edit', call: (api) => api.post('/projects', {}) },
    { name: 'create an organisation', permission: 'organisations.manage', call: (api) => api.post('/organisations', {}) },
    { name: 'list users', permission: 'users.read', call: (api) => api.get('/users') },
    { name: 'create a user', permission: 'users.manage', call: (api) => api.post('/users', {}) },
    { name: 'reset a password', permission: 'users.manage', call: (api) => api.post(`/users/${desk.lawyer.id}/password`, {}) },
    { name: 'search the audit trail', permission: 'audit.read', call: (api) => api.get('/audit') },
    { name: 'set a duty shift', permission: 'duty.manage', call: (api) => api.post('/duty-shifts', {}) },
    { name: 'read the duty roster', permission: 'cases.read', call: (api) => api.get(`/duty-shifts?organisationId=${desk.organisation.id}`) },
    { name: 'log a consultation', permission: 'desk.log', call: (api) => api.post('/consultations', {}) },
    { name: 'log an outreach visit', permission: 'desk.log', call: (api) => api.post('/outreach-visits', {}) },
    { name: 'read conflicts of a case', permission: 'cases.read', call: (api) => api.get(`/cases/${caseId}/conflicts`) },
    { name: 'set criminal thresholds', permission: 'rules.manage', call: (api) => api.put(`/criminal-thresholds/${encodeURIComponent('河北省')}`, {}) },
    { name: 'set a season', permission: 'rules.manage', call: (api) => api.put('/seasons/2040', {}) },
    { name: 'see delivery status', permission: 'rules.manage', call: (api) => api.get('/reminders/deliveries') },
    { name: 'run the reminder sweep', permission: 'rules.manage', call: (api) => api.post('/reminders/sweep', { on: '2026-12-10' }) },
    { name: "enter a year's holidays", permission: 'rules.manage', call: (api) => api.put('/holidays/2040', {}) },
    { name: 'read the figures', permission: 'reports.read', call: (api) => api.get('/reports/summary') },
    { name: 'read a breakdown', permission: 'reports.read', call: (api) => api.get('/reports/breakdowns/employer') },
    { name: 'see what is unpaid before the festival', permission: 'reports.read', call: (api) => api.get('/reports/festival') },
    { name: 'read legal deadlines', permission: 'cases.read', call: (api) => api.get(`/cases/${caseId}/deadlines`) },
    { name: 'record legal dates', permission: 'cases.edit', call: (api) => api.patch(`/cases/${caseId}/legal-dates`, {}) },
  ];

  it('covers every permission of the README with at least one endpoint', () => {
    expect([...new Set(probes.map((p) => p.permission))].sort()).toEqual([...readmePermissionMatrix().keys()].sort());
  });

  it.each(probes.map((probe) => [probe.name, probe] as const))('%s: allowed exactly for the roles the README names', async (_, probe) => {
    const allowed = readmePermissionMatrix().get(probe.permission)!;
    const outcome: Record<string, string> = {};
    const expected: Record<string, string> = {};
    const outcomeOf = (status: number) => (status === 403 ? 'denied' : status === 401 ? 'unauthenticated' : 'allowed');
    for (const role of ROLES) {
      const response = await probe.call(staff[role]);
      outcome[role] = outcomeOf(response.status);
      expected[role] = allowed.has(role) ? 'allowed' : 'denied';
      if (response.status === 403) expect(response.body.code).toBe('FORBIDDEN');
    }
    // several roles: the union
    outcome['lawyer+mediator'] = outcomeOf((await probe.call(lawyerMediator)).status);
    expected['lawyer+mediator'] = allowed.has('lawyer') || allowed.has('mediator') ? 'allowed' : 'denied';
    expect(outcome).toEqual(expected);
  });

  it('answers 401 to every endpoint without a login, except health and login', async () => {
    for (const probe of probes) {
      const response = await probe.call(t.anonymous);
      expect({ probe: probe.name, status: response.status }).toEqual({ probe: probe.name, status: 401 });
    }
    expect((await t.anonymous.get('/health')).status).toBe(200);
    expect((await t.anonymous.post('/auth/login', { username: 'nobody', password: 'x' })).status).toBe(401);
  });

  it("answers 404 for another district's case, its claims, payouts, timeline and worker, as for a missing one", async () => {
    const outsider = other.lawyer.api;
    const reads = [
      `/cases/${caseId}`,
      `/cases/${caseId}/claims`,
      `/cases/${caseId}/claims/${claim.id}`,
      `/cases/${caseId}/payouts`,
      `/cases/${caseId}/events`,
      `/workers/${workerId}`,
    ];
    for (const path of reads) {
      const response = await outsider.get(path);
      expect({ path, status: response.status, code: response.body.code }).toEqual({
        path,
        status: 404,
        code: path.startsWith('/workers') ? 'WORKER_NOT_FOUND' : 'CASE_NOT_FOUND',
      });
    }
    const missing = await outsider.get('/cases/00000000-0000-4000-8000-000000000000');
    expect(missing.body).toEqual({ ...(await outsider.get(`/cases/${caseId}`)).body });

    const writes = [
      () => other.lawyer.api.patch(`/cases/${caseId}`, { version: 1, summary: '越权修改' }),
      () => other.lawyer.api.post(`/cases/${caseId}/claims`, { claims: [{ worker: { name: '某', idNumber: residentId(32) }, amountClaimed: '1.00' }] }),
      () => other.lawyer.api.post(`/cases/${caseId}/notes`, { text: '越权' }),
      () => other.mediator.api.post(`/cases/${caseId}/transitions`, { to: 'verifying' }),
      () => other.mediator.api.post(`/cases/${caseId}/payouts`, {
        paidOn: '2026-12-10',
        payerKind: 'employer',
        channel: 'bank_transfer',
        items: [{ claimId: claim.id, amount: '1.00' }],
      }),
      () => other.lawyer.api.post(`/workers/${workerId}/reveal`, { field: 'idNumber' }),
    ];
    for (const write of writes) expect((await write()).status).toBe(404);
    const view = (await desk.lawyer.api.get(`/cases/${caseId}`)).body;
    expect(view).toMatchObject({ summary: '拖欠工资', status: 'received', totals: { workers: 1, paid: '0.00' } });
  });

  it('keeps lists to the caller’s scope, while the city sees every district', async () => {
    const theirs = await openCase(other);
    const mine = (await desk.leader.api.get('/cases?pageSize=200')).body.items.map((c: any) => c.id);
    expect(mine).toContain(caseId);
    expect(mine).not.toContain(theirs.id);
    const cityLeader = await makeStaff(t, t.rootOrganisationId, 'leader');
    const all = (await cityLeader.api.get('/cases?pageSize=200')).body.items.map((c: any) => c.id);
    expect(all).toEqual(expect.arrayContaining([caseId, theirs.id]));
    const users = (await desk.leader.api.get('/users?pageSize=200')).body.items.map((u: any) => u.id);
    expect(users).toContain(desk.lawyer.id);
    expect(users).not.toContain(other.lawyer.id);
    expect((await desk.leader.api.get(`/users/${other.lawyer.id}`)).status).toBe(404);
    const organisations = (await desk.leader.api.get('/organisations')).body.map((o: any) => o.id);
    expect(organisations).toEqual([desk.organisation.id]);
  });

  it('cannot open a case for, or create users in, an organisation outside the scope', async () => {
    const response = await desk.lawyer.api.post('/cases', {
      organisationId: other.organisation.id,
      intakeChannel: 'walk_in',
      intakeDate: '2026-12-10',
      summary: '越权立案',
      employers: [{ employerId: desk.employer.id, role: 'employer' }],
    });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'organisationId', code: 'NOT_FOUND' })]);
    const districtAdmin = staff.admin;
    const user = await districtAdmin.post('/users', {
      username: 'outside.user',
      displayName: '外区用户',
      roles: ['mediator'],
      organisationId: other.organisation.id,
      password: 'Winter-ledger-Shunyi-2027',
    });
    expect(user.body.errors).toEqual([expect.objectContaining({ field: 'organisationId', code: 'NOT_FOUND' })]);
  });

  it('dispatches a case from the city line to a district, on the timeline, out of the sender’s sight if it leaves the scope', async () => {
    const cityClerk = await makeStaff(t, t.rootOrganisationId, 'intake_clerk');
    const hotline = await cityClerk.api.post('/cases', {
      organisationId: t.rootOrganisationId,
      intakeChannel: 'hotline_12351',
      intakeDate: '2026-12-10',
      summary: '12351来电：某工地拖欠工资',
      employers: [{ employerId: desk.employer.id, role: 'employer' }],
    });
    expect(hotline.status).toBe(201);
    expect((await desk.lawyer.api.get(`/cases/${hotline.body.id}`)).status).toBe(404);

    const dispatched = await cityClerk.api.post(`/cases/${hotline.body.id}/dispatch`, {
      organisationId: desk.organisation.id,
      note: '属该区管辖',
    });
    expect(dispatched.status).toBe(200);
    const view = await desk.lawyer.api.get(`/cases/${hotline.body.id}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ caseNumber: hotline.body.caseNumber, organisation: { id: desk.organisation.id } });
    const events = (await desk.lawyer.api.get(`/cases/${hotline.body.id}/events`)).body.items;
    expect(events.at(-1)).toMatchObject({
      kind: 'case_dispatched',
      actorId: cityClerk.id,
      data: { fromOrganisationId: t.rootOrganisationId, toOrganisationId: desk.organisation.id, note: '属该区管辖' },
    });

    const handOn = await desk.clerk.api.post(`/cases/${hotline.body.id}/dispatch`, { organisationId: other.organisation.id });
    expect(handOn.status).toBe(200);
    expect((await desk.clerk.api.get(`/cases/${hotline.body.id}`)).status).toBe(404);
    expect((await other.lawyer.api.get(`/cases/${hotline.body.id}`)).status).toBe(200);
  });

  it('assigns only people who can see the case, and unassigns them when a dispatch takes it out of their sight', async () => {
    const foreign = await desk.mediator.api.post(`/cases/${caseId}/assignment`, { mediatorId: other.mediator.id });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors).toEqual([expect.objectContaining({ field: 'mediatorId', code: 'CANNOT_SEE_CASE' })]);

    const moving = await openCase(desk, { lawyerId: desk.lawyer.id, mediatorId: desk.mediator.id });
    expect((await desk.clerk.api.post(`/cases/${moving.id}/dispatch`, { organisationId: other.organisation.id })).status).toBe(200);
    const view = (await other.lawyer.api.get(`/cases/${moving.id}`)).body;
    expect(view).toMatchObject({ lawyer: null, mediator: null, organisation: { id: other.organisation.id } });
    const kinds = (await other.lawyer.api.get(`/cases/${moving.id}/events`)).body.items.map((e: any) => e.kind);
    expect(kinds.slice(-3)).toEqual(['case_dispatched', 'lawyer_assigned', 'mediator_assigned']);
  });

  it('names the acting user on every audit row written through the API', async () => {
    const anonymous = await t.dataSource.query(
      `SELECT action, entity_type, entity_id FROM audit_log
        WHERE actor_id IS NULL AND action <> 'login_failed'
          AND entity_id NOT IN (SELECT id::text FROM users WHERE username = 'admin')
          AND entity_id <> $1
          -- the reminder rules a migration added (the callbacks'): written by the schema's change, not a request
          AND NOT (entity_type = 'reminder_rules' AND action = 'insert')`,
      [t.rootOrganisationId],
    );
    // Only the set-up command (the first administrator and the city federation) and migrations act without a user.
    expect(anonymous).toEqual([]);
    const [{ rows }] = await t.dataSource.query(`SELECT count(*)::int AS rows FROM audit_log WHERE actor_id IS NOT NULL`);
    expect(rows).toBeGreaterThan(20);
  });
});
