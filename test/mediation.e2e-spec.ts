import { residentId } from './factories/identities';
import { Desk, makeDesk, makeStaff, openCase } from './factories/scenario';
import { TestApp, startTestApp } from './support/test-app';
import { itWhereConcurrent } from './support/concurrency';

/** Mediation sessions without double bookings, the agreement and its instalments, the printable document. */
describe('Mediation: sessions, agreements and instalments', () => {
  let t: TestApp;
  let desk: Desk;
  let workerNumber = 500;

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2027-01-10T09:00:00+08:00') });
    desk = await makeDesk(t);
  });
  afterAll(() => t.close());

  /** A case in mediation with workers whose amounts are confirmed. */
  async function mediatingCase(amounts: string[]) {
    const opened = await openCase(desk, {
      intakeDate: '2027-01-05',
      mediatorId: desk.mediator.id,
      claims: amounts.map((amount, i) => ({
        worker: { name: `工人${(workerNumber += 1)}号${i}`, idNumber: residentId(workerNumber) },
        amountClaimed: amount,
        amountConfirmed: amount,
      })),
    });
    for (const to of ['verifying', 'mediating']) {
      expect((await desk.mediator.api.post(`/cases/${opened.id}/transitions`, { to })).status).toBe(200);
    }
    const claims = (await desk.mediator.api.get(`/cases/${opened.id}/claims`)).body.items;
    return { caseId: opened.id as string, caseNumber: opened.caseNumber as string, claims };
  }

  const slot = (day: string, from: string, to: string) => ({ startsAt: `${day}T${from}:00+08:00`, endsAt: `${day}T${to}:00+08:00` });

  it('books a mediator and a room only once at a time, and frees the slot when a session is cancelled', async () => {
    const room = await t.admin.post('/mediation-rooms', { organisationId: desk.organisation.id, name: '第一调解室' });
    expect(room.status).toBe(201);
    const first = await mediatingCase(['5000.00']);
    const second = await mediatingCase(['6000.00']);
    const booked = await desk.mediator.api.post(`/cases/${first.caseId}/sessions`, { ...slot('2027-01-12', '09:30', '11:30'), roomId: room.body.id });
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({ status: 'scheduled', startsAt: '2027-01-12T09:30:00+08:00', room: { name: '第一调解室' } });

    const sameMediator = await desk.mediator.api.post(`/cases/${second.caseId}/sessions`, slot('2027-01-12', '11:00', '12:00'));
    expect(sameMediator.status).toBe(409);
    expect(sameMediator.body).toMatchObject({ code: 'MEDIATOR_DOUBLE_BOOKED', details: { caseNumber: first.caseNumber } });
    // said as a clerk reads a time, to the minute
    expect(sameMediator.body.message).toBe(`调解员在该时段已有调解（案件 ${first.caseNumber}，2027-01-12 09:30）`);

    const otherMediator = await makeStaff(t, desk.organisation.id, 'mediator');
    const sameRoom = await otherMediator.api.post(`/cases/${second.caseId}/sessions`, {
      ...slot('2027-01-12', '10:00', '10:30'),
      mediatorId: otherMediator.id,
      roomId: room.body.id,
    });
    expect(sameRoom.status).toBe(409);
    expect(sameRoom.body.code).toBe('ROOM_DOUBLE_BOOKED');
    expect(sameRoom.body.message).toBe(`调解室在该时段已被占用（案件 ${first.caseNumber}，2027-01-12 09:30）`);

    const backToBack = await desk.mediator.api.post(`/cases/${second.caseId}/sessions`, { ...slot('2027-01-12', '11:30', '12:30'), roomId: room.body.id });
    expect(backToBack.status).toBe(201);

    expect((await desk.mediator.api.post(`/cases/${first.caseId}/sessions/${booked.body.id}/cancel`)).status).toBe(200);
    const rebooked = await otherMediator.api.post(`/cases/${second.caseId}/sessions`, {
      ...slot('2027-01-12', '10:00', '10:30'),
      mediatorId: otherMediator.id,
      roomId: room.body.id,
    });
    expect(rebooked.status).toBe(201);

    const week = await desk.leader.api.get(`/mediation-sessions?roomId=${room.body.id}&from=2027-01-11&to=2027-01-17`);
    expect(week.body.map((s: any) => s.startsAt)).toEqual(['2027-01-12T10:00:00+08:00', '2027-01-12T11:30:00+08:00']);
  });

  itWhereConcurrent('lets only one of two simultaneous bookings of the same mediator through', async () => {
    const a = await mediatingCase(['1000.00']);
    const b = await mediatingCase(['1000.00']);
    const responses = await Promise.all(
      [a, b].map((c) => desk.mediator.api.post(`/cases/${c.caseId}/sessions`, slot('2027-01-13', '14:00', '15:00'))),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('records attendance and the outcome, an adjournment with its date', async () => {
    const { caseId } = await mediatingCase(['3000.00']);
    // booked for later today: its outcome can be recorded from today on (the day it is held)
    const session = (await desk.mediator.api.post(`/cases/${caseId}/sessions`, { ...slot('2027-01-10', '15:00', '16:00'), place: '项目部会议室' })).body;
    const noDate = await desk.mediator.api.post(`/cases/${caseId}/sessions/${session.id}/outcome`, { version: session.version, outcome: 'adjourned' });
    expect(noDate.status).toBe(400);
    expect(noDate.body.errors).toEqual([expect.objectContaining({ field: 'adjournedTo', code: 'INVALID_DATE' })]);
    const held = await desk.mediator.api.post(`/cases/${caseId}/sessions/${session.id}/outcome`, {
      version: session.version,
      outcome: 'adjourned',
      adjournedTo: '2027-01-19',
      attendance: [
        { party: 'worker_representative', name: '王代表', present: true },
        { party: 'employer', name: '某公司项目经理', present: false },
      ],
      notes: '用人单位未到场，改期',
    });
    expect(held.status).toBe(200);
    expect(held.body).toMatchObject({ status: 'held', outcome: 'adjourned', adjournedTo: '2027-01-19' });
    const again = await desk.mediator.api.post(`/cases/${caseId}/sessions/${session.id}/outcome`, { version: held.body.version, outcome: 'no_agreement' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('SESSION_NOT_SCHEDULED');
    const kinds = (await desk.lawyer.api.get(`/cases/${caseId}/events`)).body.items.map((e: any) => e.kind);
    expect(kinds.slice(-2)).toEqual(['session_scheduled', 'session_held']);
    expect((await desk.lawyer.api.post(`/cases/${caseId}/sessions`, slot('2027-01-20', '09:00', '10:00'))).status).toBe(403);
  });

  it('records an agreement of two instalments, matches them to payouts and marks the unpaid one overdue', async () => {
    const { caseId, claims } = await mediatingCase(['12000.00', '8000.50']);
    const tooMuch = await desk.mediator.api.post(`/cases/${caseId}/agreement`, {
      signedOn: '2027-01-10',
      schedule: 'total',
      instalments: [{ dueOn: '2027-01-20', amount: '20000.51' }],
    });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body).toMatchObject({ code: 'AGREEMENT_EXCEEDS_OUTSTANDING', details: { amount: '20000.51', outstanding: '20000.50' } });

    const early = await desk.mediator.api.post(`/cases/${caseId}/agreement`, {
      signedOn: '2027-01-10',
      schedule: 'total',
      instalments: [{ dueOn: '2027-01-09', amount: '100.00' }],
    });
    expect(early.body.errors).toEqual([expect.objectContaining({ field: 'instalments.0.dueOn', code: 'DUE_BEFORE_SIGNING' })]);

    const agreed = await desk.mediator.api.post(`/cases/${caseId}/agreement`, {
      signedOn: '2027-01-10',
      schedule: 'total',
      instalments: [
        { dueOn: '2027-01-20', amount: '10000.00' },
        { dueOn: '2027-02-03', amount: '10000.50' },
      ],
      terms: '春节前付清',
    });
    expect(agreed.status).toBe(201);
    expect(agreed.body).toMatchObject({ total: '20000.50', instalments: [{ state: 'upcoming' }, { state: 'upcoming' }] });
    expect((await desk.mediator.api.get(`/cases/${caseId}`)).body.status).toBe('agreed');
    const twice = await desk.mediator.api.post(`/cases/${caseId}/agreement`, {
      signedOn: '2027-01-10',
      schedule: 'total',
      instalments: [{ dueOn: '2027-01-20', amount: '1.00' }],
    });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('AGREEMENT_EXISTS');

    // Ten days later: the morning's tokens have long expired, so log in again.
    t.clock.set(new Date('2027-01-20T10:00:00+08:00'));
    const mediator = await t.login(desk.mediator.username);
    const paid = await mediator.post(`/cases/${caseId}/payouts`, {
      paidOn: '2027-01-19',
      payerKind: 'employer',
      channel: 'bank_transfer',
      items: [
        { claimId: claims[0].id, amount: '6000.00' },
        { claimId: claims[1].id, amount: '4000.00' },
      ],
    });
    expect(paid.status).toBe(201);
    let standing = (await mediator.get(`/cases/${caseId}/agreement`)).body;
    expect(standing.instalments.map((i: any) => [i.paid, i.paidInFullOn, i.state])).toEqual([
      ['10000.00', '2027-01-19', 'paid'],
      ['0.00', null, 'upcoming'],
    ]);

    t.clock.set(new Date('2027-02-04T09:00:00+08:00'));
    standing = (await (await t.login(desk.leader.username)).get(`/cases/${caseId}/agreement`)).body;
    expect(standing).toMatchObject({ overdue: 1, instalments: [{ state: 'paid' }, { state: 'overdue', paid: '0.00' }] });
    t.clock.set(new Date('2027-01-10T09:00:00+08:00'));
  });

  it('prints the agreement in Chinese with every amount also in capital numerals', async () => {
    const { caseId, caseNumber, claims } = await mediatingCase(['12000.00', '8000.50']);
    await desk.mediator.api.post(`/cases/${caseId}/agreement`, {
      signedOn: '2027-01-10',
      schedule: 'per_worker',
      instalments: [
        { dueOn: '2027-01-25', amount: '12000.00', claimId: claims.find((c: any) => c.amountConfirmed === '12000.00').id },
        { dueOn: '2027-01-25', amount: '8000.50', claimId: claims.find((c: any) => c.amountConfirmed === '8000.50').id },
      ],
    });
    const response = await desk.lawyer.api.getRaw(`/cases/${caseId}/agreement/document`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain(`案件编号：${caseNumber}`);
    expect(html).toContain('20000.50 元（大写：贰万元伍角）');
    expect(html).toContain('<td class="num">12000.00</td><td>壹万贰仟元整</td>');
    expect(html).toContain('<td class="num">8000.50</td><td>捌仟元伍角</td>');
    expect(html).toContain('调解组织（盖章）');
    expect(html).not.toMatch(/\d{17}[\dX]/);
  });

  it('elects representatives only among the workers of the case', async () => {
    const { caseId, claims } = await mediatingCase(['100.00', '200.00']);
    const stranger = (await desk.lawyer.api.post('/workers', { name: '外人', idNumber: residentId(9999) })).body;
    const wrong = await desk.mediator.api.put(`/cases/${caseId}/representatives`, {
      workerIds: [claims[0].worker.id, stranger.id],
      electedOn: '2027-01-08',
    });
    expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'workerIds.1', code: 'NOT_A_CLAIMANT' })]);
    const elected = await desk.mediator.api.put(`/cases/${caseId}/representatives`, { workerIds: [claims[0].worker.id], electedOn: '2027-01-08' });
    expect(elected.status).toBe(200);
  });

  it('prints the full id numbers for a mediator, one audit entry per document; masked by default; a leader is refused', async () => {
    // mediatingCase numbers its workers from the counter on: their id numbers are these
    const idNumbers = [residentId(workerNumber + 1), residentId(workerNumber + 2)];
    const { caseId, caseNumber, claims } = await mediatingCase(['3000.00', '4000.00']);
    const signed = await desk.mediator.api.post(`/cases/${caseId}/agreement`, {
      signedOn: '2027-01-10',
      schedule: 'total',
      instalments: [{ dueOn: '2027-01-25', amount: '7000.00' }],
    });
    expect(signed.status).toBe(201);
    const url = `/cases/${caseId}/agreement/document`;
    const nameOf = (idNumber: string) => claims.find((c: any) => c.worker.idNumber === `${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`).worker.name;
    const reveals = async () => (await t.admin.get(`/audit?action=reveal&entityType=cases&entityId=${caseId}`)).body.items;

    const masked = await (await desk.mediator.api.getRaw(url)).text();
    for (const idNumber of idNumbers) {
      expect(masked).toContain(`<td>${nameOf(idNumber)}</td><td>${idNumber.slice(0, 6)}********${idNumber.slice(-4)}</td>`);
      expect(masked).not.toContain(idNumber);
    }
    expect(await reveals()).toEqual([]);

    const response = await desk.mediator.api.getRaw(`${url}?idNumbers=full`);
    expect(response.status).toBe(200);
    const full = await response.text();
    for (const idNumber of idNumbers) expect(full).toContain(`<td>${nameOf(idNumber)}</td><td>${idNumber}</td>`);
    expect(await reveals()).toEqual([
      expect.objectContaining({
        actorId: desk.mediator.id,
        action: 'reveal',
        entityType: 'cases',
        entityId: caseId,
        after: { field: 'idNumber', document: 'mediation_agreement', caseNumber, count: 2 },
      }),
    ]);

    const refused = await desk.leader.api.get(`${url}?idNumbers=full`);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      code: 'FULL_ID_NUMBERS_NOT_ALLOWED',
      message: '您的角色（工会领导）不能查看完整身份证号。可以打印身份证号部分隐藏的协议书；需要完整身份证号的，请律师或调解员打印',
    });
    const inEnglish = await desk.leader.api.get(`${url}?idNumbers=full`, { 'Accept-Language': 'en' });
    expect(inEnglish.body.message).toBe(
      'Your role (union leader) may not see full id numbers: print the agreement with them masked, or ask a lawyer or mediator to print it in full',
    );
    expect((await desk.leader.api.getRaw(url)).status).toBe(200);

    const unknown = await desk.mediator.api.get(`${url}?idNumbers=all`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ field: 'idNumbers', code: 'NOT_ONE_OF', message: '应为以下之一：masked（部分隐藏）、full（完整）' }]);
    // the refusals revealed nothing
    expect(await reveals()).toHaveLength(1);
  });

  it('answers a printable agreement asked of a case without one with a 404 the page can read', async () => {
    const { caseId } = await mediatingCase(['100.00']);

    const response = await desk.mediator.api.get(`/cases/${caseId}/agreement/document`);

    // the route answers HTML, but its errors are JSON like every other's
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.body).toMatchObject({ code: 'AGREEMENT_NOT_FOUND', message: '该案件尚未签订调解协议' });
  });
});
