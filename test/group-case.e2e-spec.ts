import { Desk, makeDesk, makeEmployer, makeOrganisation, makeRoster, makeStaff, openCase, yuan } from './factories/scenario';
import { TestApp, startTestApp } from './support/test-app';

/**
 * A real group case, replayed over HTTP: a landscaping company owes 700 workers 12,000,000 yuan.
 * The roster is imported, claims confirmed, an agreement reached, every worker paid on two days,
 * and the case closes as paid in full. Every total is checked to the fen.
 */
describe('Group case: 700 landscaping workers owed 12,000,000 yuan', () => {
  let t: TestApp;
  let desk: Desk;

  beforeAll(async () => {
    // Two days before the Spring Festival of 2027 (6 February).
    t = await startTestApp({ now: new Date('2027-02-04T18:00:00+08:00') });
  });
  afterAll(() => t.close());

  it('is imported, confirmed, agreed, paid in two bulk payouts and closed as paid in full', async () => {
    desk = await makeDesk(t);
    const lawyer = desk.lawyer.api;
    const mediator = desk.mediator.api;
    const generalContractor = await makeEmployer(lawyer, { kind: 'general_contractor', industry: 'construction' });
    const owner = await makeEmployer(lawyer, { kind: 'project_owner', industry: 'other' });
    const project = await lawyer.post('/projects', {
      name: '某某公园景观绿化工程',
      site: '顺义区',
      ownerId: owner.id,
      generalContractorId: generalContractor.id,
      subcontracts: [{ employerId: desk.employer.id, role: 'subcontractor', contractedById: generalContractor.id }],
    });
    expect(project.status).toBe(201);

    const opened = await openCase(desk, {
      intakeChannel: 'hotline_12351',
      intakeDate: '2026-12-15',
      projectId: project.body.id,
      summary: '某园林绿化公司拖欠700名农民工工资及劳务费共计1200万元',
      employers: [
        { employerId: desk.employer.id, role: 'employer' },
        { employerId: generalContractor.id, role: 'general_contractor' },
        { employerId: owner.id, role: 'project_owner' },
      ],
    });
    expect(opened.caseNumber).toBe(`${desk.organisation.code}-2026-00001`);
    expect(opened.status).toBe('received');
    const caseUrl = `/cases/${opened.id}`;

    // The roster, as a CSV file with Chinese headings.
    const roster = makeRoster(700, 1_200_000_000n);
    const csv = ['序号,姓名,身份证号,手机号,主张金额,类别']
      .concat(roster.map((row, i) => `${i + 1},${row.name},${row.idNumber},${row.mobile},${row.amountClaimed},劳务费`))
      .join('\r\n');
    const imported = await lawyer.upload(`${caseUrl}/claims/import`, csv, 'text/csv');
    expect(imported.status).toBe(201);
    expect(imported.body).toEqual({ imported: 700, claimedTotal: '12000000.00', alsoClaimingElsewhere: [] });

    let view = (await mediator.get(caseUrl)).body;
    expect(view.totals).toMatchObject({ workers: 700, unconfirmed: 700, claimed: '12000000.00', paid: '0.00' });

    await expectMove(caseUrl, { to: 'verifying' }, 200);
    const skip = await expectMove(caseUrl, { to: 'agreed' }, 409);
    expect(skip.code).toBe('TRANSITION_NOT_ALLOWED');

    const noMediator = await expectMove(caseUrl, { to: 'mediating' }, 409);
    expect(noMediator.code).toBe('MEDIATOR_REQUIRED');
    expect((await mediator.post(`${caseUrl}/assignment`, { mediatorId: desk.mediator.id })).status).toBe(200);
    await expectMove(caseUrl, { to: 'mediating' }, 200);

    const unconfirmed = await mediator.post(`${caseUrl}/agreement`, {
      signedOn: '2027-01-25',
      schedule: 'total',
      instalments: [{ dueOn: '2027-02-03', amount: '12000000.00' }],
    });
    expect(unconfirmed.status).toBe(409);
    expect(unconfirmed.body).toMatchObject({ code: 'CLAIMS_NOT_CONFIRMED', details: { count: 700 } });

    // Verification: every worker's amount confirmed as claimed, in one request.
    const claims = await allClaims(caseUrl);
    expect(claims).toHaveLength(700);
    const confirmed = await lawyer.post(`${caseUrl}/claims/confirmations`, {
      items: claims.map((claim) => ({ claimId: claim.id, amountConfirmed: claim.amountClaimed })),
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toEqual({ confirmed: 700, confirmedTotal: '12000000.00' });

    // A case is agreed when its agreement is recorded: choosing `agreed` by hand is refused.
    const byHand = await expectMove(caseUrl, { to: 'agreed', note: '双方签订调解协议，分两日支付' }, 409);
    expect(byHand.code).toBe('AGREEMENT_REQUIRED');
    const agreement = await mediator.post(`${caseUrl}/agreement`, {
      signedOn: '2027-01-25',
      schedule: 'total',
      instalments: [{ dueOn: '2027-02-03', amount: '12000000.00' }],
      terms: '双方签订调解协议，分两日支付',
    });
    expect(agreement.status).toBe(201);
    expect((await mediator.get(caseUrl)).body.status).toBe('agreed');

    // Day one: the general contractor pays 60% of every worker's amount from the dedicated wage account.
    const firstDay = claims.map((claim) => ({ claimId: claim.id, amount: yuan((fenOf(claim.amountClaimed) * 6n) / 10n) }));
    const firstTotal = firstDay.reduce((sum, item) => sum + fenOf(item.amount), 0n);
    const day1 = await mediator.post(`${caseUrl}/payouts`, {
      paidOn: '2027-02-03',
      payerKind: 'general_contractor',
      channel: 'dedicated_wage_account',
      items: firstDay,
    });
    expect(day1.status).toBe(201);
    expect(day1.body).toMatchObject({ recorded: 700, total: yuan(firstTotal) });

    view = (await mediator.get(caseUrl)).body;
    expect(view.status).toBe('paying');
    expect(view.totals).toMatchObject({
      paid: yuan(firstTotal),
      outstanding: yuan(1_200_000_000n - firstTotal),
      workersFullyPaid: 0,
      workersOwed: 700,
    });

    const early = await expectMove(caseUrl, { to: 'closed', outcome: 'paid_in_full' }, 409);
    expect(early).toMatchObject({
      code: 'MONEY_OUTSTANDING',
      details: { workers: 700, amount: yuan(1_200_000_000n - firstTotal) },
    });

    // A payout one fen over what a worker is still owed is refused, and nothing of it is written.
    const worker = (await mediator.get(`${caseUrl}/claims/${claims[0].id}`)).body;
    const tooMuch = await mediator.post(`${caseUrl}/payouts`, {
      paidOn: '2027-02-04',
      payerKind: 'employer',
      channel: 'bank_transfer',
      items: [
        { claimId: claims[1].id, amount: '1.00' },
        { claimId: worker.id, amount: yuan(fenOf(worker.amountOutstanding) + 1n) },
      ],
    });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body).toMatchObject({
      code: 'PAYOUT_EXCEEDS_OUTSTANDING',
      details: { outstanding: worker.amountOutstanding },
      errors: [{ field: 'items.1.amount', row: 2, code: 'EXCEEDS_OUTSTANDING' }],
    });
    expect((await mediator.get(caseUrl)).body.totals.paid).toBe(yuan(firstTotal));

    // Day two: the rest, to every worker's own bank card.
    const current = await allClaims(caseUrl);
    const secondDay = current.map((claim) => ({ claimId: claim.id, amount: claim.amountOutstanding }));
    const day2 = await mediator.post(`${caseUrl}/payouts`, {
      paidOn: '2027-02-04',
      payerKind: 'general_contractor',
      channel: 'bank_transfer',
      items: secondDay,
    });
    expect(day2.status).toBe(201);
    expect(day2.body.total).toBe(yuan(1_200_000_000n - firstTotal));

    view = (await desk.leader.api.get(caseUrl)).body;
    expect(view.totals).toEqual({
      workers: 700,
      workersFullyPaid: 700,
      workersOwed: 0,
      unconfirmed: 0,
      claimed: '12000000.00',
      confirmed: '12000000.00',
      paid: '12000000.00',
      outstanding: '0.00',
    });
    expect((await allClaims(caseUrl)).every((claim) => claim.fullyPaid && claim.amountOutstanding === '0.00')).toBe(true);

    const closed = await expectMove(caseUrl, { to: 'closed', outcome: 'paid_in_full' }, 200);
    expect(closed).toMatchObject({ status: 'closed', outcome: 'paid_in_full', allowedTransitions: [] });
    expect(closed.closedAt).toMatch(/^2027-02-04T18:00:00\+08:00$/);

    const payouts = await desk.leader.api.get(`${caseUrl}/payouts?pageSize=1`);
    expect(payouts.body.total).toBe(1400);

    const timeline = (await desk.leader.api.get(`${caseUrl}/events?pageSize=200`)).body.items;
    expect(timeline.map((event: any) => event.kind)).toEqual([
      'case_opened',
      'claims_added',
      'status_changed',
      'mediator_assigned',
      'status_changed',
      'claims_confirmed',
      'status_changed',
      'agreement_signed',
      'payouts_recorded',
      'status_changed',
      'payouts_recorded',
      'status_changed',
    ]);
    expect(timeline.filter((e: any) => e.kind === 'status_changed').map((e: any) => e.toStatus)).toEqual([
      'verifying',
      'mediating',
      'agreed',
      'paying',
      'closed',
    ]);

    const afterClose = await mediator.post(`${caseUrl}/payouts`, {
      paidOn: '2027-02-04',
      payerKind: 'employer',
      channel: 'bank_transfer',
      items: [{ claimId: claims[0].id, amount: '1.00' }],
    });
    expect(afterClose.status).toBe(409);
    expect(afterClose.body.code).toBe('CASE_NOT_OPEN');
  });

  async function expectMove(caseUrl: string, body: Record<string, unknown>, status: number) {
    const response = await desk.mediator.api.post(`${caseUrl}/transitions`, body);
    if (response.status !== status) throw new Error(`${JSON.stringify(body)} → ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  async function allClaims(caseUrl: string): Promise<any[]> {
    const items: any[] = [];
    for (let page = 1; ; page += 1) {
      const response = await desk.mediator.api.get(`${caseUrl}/claims?pageSize=200&page=${page}`);
      items.push(...response.body.items);
      if (items.length >= response.body.total) return items;
    }
  }
});

/**
 * The projects of a group case, listed a page at a time: a project takes one place on a page however
 * long its subcontracting chain, and the total counts projects (not chain links), on every page.
 */
describe('Project list', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('pages by project, with every chain whole, and counts the projects', async () => {
    const organisation = await makeOrganisation(t);
    const lawyer = (await makeStaff(t, organisation.id, 'lawyer')).api;
    const generalContractor = await makeEmployer(lawyer, { kind: 'general_contractor', industry: 'construction' });
    const [first, second, third] = await Promise.all(
      ['subcontractor', 'labour_subcontractor', 'subcontractor'].map((kind) => makeEmployer(lawyer, { kind, industry: 'construction' })),
    );
    const chain = [
      { employerId: first.id, role: 'subcontractor', contractedById: generalContractor.id },
      { employerId: second.id, role: 'labour_subcontractor', contractedById: first.id },
      { employerId: third.id, role: 'subcontractor', contractedById: first.id },
    ];
    const created: string[] = [];
    for (let i = 1; i <= 5; i += 1) {
      const project = await lawyer.post('/projects', {
        name: `顺义区某某安置房${i}号楼`,
        generalContractorId: generalContractor.id,
        subcontracts: chain,
      });
      expect(project.status).toBe(201);
      created.push(project.body.id);
    }

    const pages = [];
    for (let page = 1; page <= 4; page += 1) {
      const response = await lawyer.get(`/projects?q=${encodeURIComponent('安置房')}&pageSize=2&page=${page}`);
      expect(response.status).toBe(200);
      pages.push(response.body);
    }
    expect(pages.map((page) => page.items.length)).toEqual([2, 2, 1, 0]);
    expect(pages.map((page) => page.total)).toEqual([5, 5, 5, 5]);
    const listed = pages.flatMap((page) => page.items);
    expect(listed.map((project: any) => project.id).sort()).toEqual([...created].sort());
    for (const project of listed) {
      expect(project.subcontracts).toEqual(chain.map((link, index) => ({ ...link, position: index + 1 })));
    }
  });
});

function fenOf(yuanText: string): bigint {
  const [whole, fraction = ''] = yuanText.split('.');
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
}
