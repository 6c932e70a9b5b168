import { mobile, residentId, workerName } from '../../test/factories/identities';
import { Outcome, Session, Tally } from './http';

/** A service desk of the load's world: a district, one user holding the desk's roles, its employers. */
export interface Desk {
  organisationId: string;
  userId: string;
  session: Session;
  employerIds: string[];
}

interface ClaimState {
  id: string;
  workerName: string;
  confirmedFen: bigint;
  paidFen: bigint;
}

/** A case the load opened, as far as the load knows it; `busy` while a user works on it (as one mediator would). */
interface CaseState {
  id: string;
  caseNumber: string;
  desk: Desk;
  stage: 'received' | 'confirmed';
  claims: ClaimState[];
  busy: boolean;
}

const fen = (yuan: string) => BigInt(yuan.replace('.', ''));
const yuan = (value: bigint) => `${value / 100n}.${String(value % 100n).padStart(2, '0')}`;

/** What the users do, with how often (weights): the desk, intake, mediation, and the readers of lists and reports. */
const MIX: [string, number][] = [
  ['consultation', 18],
  ['intake', 10],
  ['roster import', 3],
  ['confirmation', 8],
  ['pay day', 10],
  ['pay-day race', 2],
  ['case list', 22],
  ['case page', 20],
  ['summary', 6],
  ['export', 3],
];

export class LoadWorld {
  private readonly cases: CaseState[] = [];
  private serial = 0;
  /** The money the service accepted (201) from the load, to compare with the ledger at the end. */
  paidFen = 0n;

  constructor(
    private readonly desks: Desk[],
    private readonly tally: Tally,
    private readonly today: string,
    private readonly yearAgo: string,
  ) {}

  /** One virtual user: does what the mix says until the deadline or the request budget. */
  async user(index: number, deadline: number, thinkMs: number): Promise<void> {
    const desk = this.desks[index % this.desks.length];
    while (Date.now() < deadline && !this.tally.exhausted) {
      await this.step(desk, pick(MIX));
      if (thinkMs > 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 * thinkMs));
    }
  }

  private async step(desk: Desk, kind: string): Promise<void> {
    const s = desk.session;
    switch (kind) {
      case 'consultation':
        await this.tally.time(kind, 201, 1, () =>
          s.request('POST', '/consultations', {
            organisationId: desk.organisationId,
            channel: pick([['walk_in', 3], ['hotline_12351', 2], ['phone', 1]]),
            topic: 'unpaid_wages',
            workerName: workerName(this.next()),
            employerId: pickOne(desk.employerIds),
            advice: '告知可申请调解，需准备考勤记录和欠条',
            durationMinutes: 15,
          }),
        );
        return;
      case 'intake':
        await this.open(desk, 10);
        return;
      case 'roster import':
        return this.importRoster(desk);
      case 'confirmation':
        return this.confirm(desk);
      case 'pay day':
        return this.payDay(desk);
      case 'pay-day race':
        return this.race(desk);
      case 'case list':
        await this.tally.time(kind, 200, 1, () => s.request('GET', `/cases?${this.listQuery(desk)}`));
        return;
      case 'case page': {
        // a case of the user's own district (another district's answers 404, as it should)
        const own = this.cases.filter((c) => c.desk === desk);
        const known = own.length ? pickOne(own) : null;
        if (!known) return this.step(desk, 'case list');
        await this.tally.time(kind, 200, 4, () =>
          Promise.all([
            s.request('GET', `/cases/${known.id}`),
            s.request('GET', `/cases/${known.id}/claims?pageSize=50`),
            s.request('GET', `/cases/${known.id}/payouts`),
            s.request('GET', `/cases/${known.id}/events`),
          ]),
        );
        return;
      }
      case 'summary':
        await this.tally.time(kind, 200, 1, () =>
          s.request('GET', `/reports/summary?from=${this.yearAgo}&to=${this.today}${Math.random() < 0.5 ? `&organisationId=${desk.organisationId}` : ''}`),
        );
        return;
      case 'export':
        await this.tally.time(kind, 200, 1, () =>
          s.request('GET', `/cases/export?format=${Math.random() < 0.5 ? 'xlsx' : 'csv'}&${this.listQuery(desk)}`),
        );
        return;
    }
  }

  /** The case list as clerks filter it: by status, by a worker's name or a case number, by intake date, sorted, paged. */
  private listQuery(desk: Desk): string {
    const params = new URLSearchParams({ pageSize: '20' });
    const own = this.cases.filter((c) => c.desk === desk);
    const known = own.length ? pickOne(own) : null;
    const filter = Math.floor(Math.random() * 5);
    if (filter === 1) params.set('status', pickOne(['received', 'mediating,paying', 'paying']));
    if (filter === 2 && known?.claims[0]) params.set('q', known.claims[0].workerName.slice(0, 2));
    if (filter === 3 && known) params.set('q', known.caseNumber);
    if (filter === 4) params.set('organisationId', desk.organisationId);
    if (Math.random() < 0.3) params.set('intakeFrom', this.today);
    if (Math.random() < 0.3) params.set('sort', pickOne(['intakeDate:desc', 'caseNumber:asc', 'status:asc']));
    if (Math.random() < 0.2) params.set('page', '2');
    return params.toString();
  }

  /** Opens a case with `workers` workers typed in (none: the roster comes next), the desk's user as lawyer and mediator. */
  private async open(desk: Desk, workers: number): Promise<CaseState | null> {
    const claims = Array.from({ length: workers }, () => this.worker());
    const opened = await this.tally.time(workers ? 'intake' : 'intake (roster to follow)', 201, 1, () =>
      desk.session.request('POST', '/cases', {
        organisationId: desk.organisationId,
        intakeChannel: 'walk_in',
        intakeDate: this.today,
        summary: `压力测试：${workers}名工人欠薪`,
        employers: [{ employerId: pickOne(desk.employerIds), role: 'employer' }],
        lawyerId: desk.userId,
        mediatorId: desk.userId,
        claims: claims.map((claim) => ({
          worker: { name: claim.name, idNumber: claim.idNumber, mobile: claim.mobile },
          amountClaimed: claim.amountClaimed,
          periodStart: '2026-06-01',
          periodEnd: '2026-10-31',
        })),
      }),
    );
    if (!opened) return null;
    const body = opened.body as { id: string; caseNumber: string };
    const state: CaseState = { id: body.id, caseNumber: body.caseNumber, desk, stage: 'received', claims: [], busy: false };
    this.cases.push(state);
    return state;
  }

  /** A CSV roster of 50 workers uploaded to a case just opened without workers. */
  private async importRoster(desk: Desk): Promise<void> {
    const state = await this.open(desk, 0);
    if (!state) return;
    state.busy = true;
    const rows = Array.from({ length: 50 }, (_, i) => {
      const w = this.worker();
      return [i + 1, w.name, w.idNumber, w.mobile, w.amountClaimed].join(',');
    });
    const csv = ['序号,姓名,身份证号,手机号,主张金额', ...rows].join('\r\n');
    await this.tally.time('roster import', 201, 1, () => desk.session.request('POST', `/cases/${state.id}/claims/import`, csv, 'text/csv'));
    state.busy = false;
  }

  /** The mediator takes a received case to mediation and confirms every worker's amount in one go. */
  private async confirm(desk: Desk): Promise<void> {
    const state = this.take(desk, 'received');
    if (!state) return this.step(desk, 'case list');
    try {
      const s = desk.session;
      for (const to of ['verifying', 'mediating']) {
        if (!(await this.tally.time('status move', 200, 1, () => s.request('POST', `/cases/${state.id}/transitions`, { to })))) return;
      }
      const listed = await this.tally.time('case claims', 200, 1, () => s.request('GET', `/cases/${state.id}/claims?pageSize=200`));
      if (!listed) return;
      const items = (listed.body as { items: { id: string; amountClaimed: string; worker: { name: string } }[] }).items;
      // most amounts confirmed as claimed, some a little lower after checking the attendance records
      const confirmed = items.map((claim) => ({
        id: claim.id,
        workerName: claim.worker.name,
        confirmedFen: Math.random() < 0.8 ? fen(claim.amountClaimed) : fen(claim.amountClaimed) - BigInt(Math.floor(Math.random() * 50_000)),
        paidFen: 0n,
      }));
      const answer = await this.tally.time('confirmation', 200, 1, () =>
        s.request('POST', `/cases/${state.id}/claims/confirmations`, {
          items: confirmed.map((claim) => ({ claimId: claim.id, amountConfirmed: yuan(claim.confirmedFen) })),
        }),
      );
      if (!answer) return;
      state.claims = confirmed;
      state.stage = 'confirmed';
    } finally {
      state.busy = false;
    }
  }

  /** A pay day: every worker still owed gets the rest, or half of it, in one request. */
  private async payDay(desk: Desk): Promise<void> {
    const state = this.take(desk, 'confirmed', (c) => c.claims.some((claim) => claim.paidFen < claim.confirmedFen));
    if (!state) return this.step(desk, 'case list');
    try {
      const lines = state.claims
        .filter((claim) => claim.paidFen < claim.confirmedFen)
        .map((claim) => {
          const outstanding = claim.confirmedFen - claim.paidFen;
          const amount = Math.random() < 0.5 || outstanding < 200n ? outstanding : outstanding / 2n;
          return { claim, amount };
        });
      const answer = await this.tally.time('pay day', 201, 1, () =>
        desk.session.request('POST', `/cases/${state.id}/payouts`, {
          paidOn: this.today,
          payerKind: 'employer',
          channel: 'bank_transfer',
          items: lines.map(({ claim, amount }) => ({ claimId: claim.id, amount: yuan(amount), receiptReference: `LOAD-${this.next()}` })),
        }),
      );
      if (!answer) return;
      for (const { claim, amount } of lines) {
        claim.paidFen += amount;
        this.paidFen += amount;
      }
    } finally {
      state.busy = false;
    }
  }

  /**
   * Two mediators record the same worker's whole balance at the same moment (a double click on two
   * phones): exactly one is recorded, the other refused with 409 PAYOUT_EXCEEDS_OUTSTANDING.
   */
  private async race(desk: Desk): Promise<void> {
    const state = this.take(desk, 'confirmed', (c) => c.claims.some((claim) => claim.paidFen < claim.confirmedFen));
    if (!state) return this.step(desk, 'case list');
    try {
      const claim = pickOne(state.claims.filter((c) => c.paidFen < c.confirmedFen));
      const amount = claim.confirmedFen - claim.paidFen;
      const pay = () =>
        desk.session.request('POST', `/cases/${state.id}/payouts`, {
          paidOn: this.today,
          payerKind: 'employer',
          channel: 'cash_with_signature',
          items: [{ claimId: claim.id, amount: yuan(amount) }],
        });
      const oneEach = (outcomes: Outcome[]) => {
        const statuses = outcomes.map((outcome) => outcome.status).sort();
        return statuses[0] === 201 && statuses[1] === 409 ? undefined : outcomes.find((outcome) => outcome.status !== 201) ?? outcomes[0];
      };
      let outcomes: Outcome[] = [];
      await this.tally.time('pay-day race', oneEach, 2, async () => (outcomes = await Promise.all([pay(), pay()])));
      // whatever the answers, the money the service accepted is what the ledger must hold
      const accepted = BigInt(outcomes.filter((outcome) => outcome.status === 201).length);
      claim.paidFen += amount * accepted;
      this.paidFen += amount * accepted;
    } finally {
      state.busy = false;
    }
  }

  /** A case of the desk at the stage that nobody else is working on, marked busy; null when there is none. */
  private take(desk: Desk, stage: CaseState['stage'], also: (c: CaseState) => boolean = () => true): CaseState | null {
    const candidates = this.cases.filter((c) => c.desk === desk && c.stage === stage && !c.busy && also(c));
    if (!candidates.length) return null;
    const chosen = pickOne(candidates);
    chosen.busy = true;
    return chosen;
  }

  private next(): number {
    this.serial += 1;
    return this.serial;
  }

  private worker() {
    const n = 100_000 + this.next();
    return { name: workerName(n), idNumber: residentId(n), mobile: mobile(n), amountClaimed: yuan(BigInt(600_000 + ((n * 7919) % 900_000))) };
  }
}

function pickOne<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)];
}

function pick<T>(weighted: readonly [T, number][]): T {
  let roll = Math.random() * weighted.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [item, weight] of weighted) {
    roll -= weight;
    if (roll < 0) return item;
  }
  return weighted[weighted.length - 1][0];
}

