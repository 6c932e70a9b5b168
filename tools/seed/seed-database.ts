/**
 * Loads a synthetic city into the database: `seedDatabase(runner, { cases: 1_000_000, … })`.
 *
 * Generated in time order, chunk by chunk (a few thousand cases per transaction, so memory stays
 * bounded and progress is durable), and written set-based: binary COPY on a PostgreSQL server,
 * `INSERT … SELECT * FROM unnest(…)` on the embedded PGlite (see row-buffer.ts). Keys are made here, so
 * rows link up without RETURNING. The next chunk is generated while the database writes the last one,
 * and workers' personal data can be sealed on a second thread (sealer.ts).
 *
 * The data is consistent by construction: every case moved only as the service would have let it
 * (case-plan.ts), every worker's money adds up, and the per-organisation case-number counters are left
 * at the highest number used, so the service goes on numbering without collisions.
 */
import type { QueryRunner } from 'typeorm';
import type { CaseStatus } from '../../src/cases/domain/case-status';
import { formatCaseNumber } from '../../src/cases/domain/case-number';
import type { EmployerKind, Industry } from '../../src/employers/employer.record';
import type { PersonalDataCipher } from '../../src/personal-data/personal-data-cipher';
import { CasePlan, officeMinute, payoutFen, planCase } from './case-plan';
import { campaignEve, dayNumber, intakeWeight, isoDay, shanghaiInstant, stamp, workingDayOnOrBefore, yearOfDay } from './days';
import { timeOrderedUuids } from './ids';
import { CreditCodePrefix, NameSource, ResidentIdFactory, creditCode, mobileNumber } from './identities';
import { CityTree, OrganisationStaff, SeededOrganisation, StaffMember, ensureCity } from './organisation-tree';
import { Prng, Weighted } from './prng';
import { BulkMode, CellValue, RowBuffer } from './row-buffer';
import { InlineSealer, SealedBatch, Sealer, ThreadSealer } from './sealer';
import {
  CONSULTATION_TOPICS,
  CasesPerEmployer,
  DISTRICTS,
  INDUSTRY_WEIGHTS,
  VISIT_FINDINGS,
  adviceFor,
  caseSummary,
  claimedFen,
  companyName,
  confirmedFen,
  directEmployerKind,
  evidenceItem,
  firstIntakeDay,
  groupSize,
  jobTitle,
  landline,
  payTerms,
  projectName,
  siteAddress,
  yuan,
} from './synthetic';

export interface SeedProgress {
  phase: string;
  done: number;
  total: number;
  /** Rows written so far, all tables together. */
  rows: number;
}

export interface SeedOptions {
  /** How many cases to add. */
  cases: number;
  /** Seed of the pseudo-random generator: the same seed on the same database gives the same data. */
  seed: number;
  /** Today in Asia/Shanghai, 'YYYY-MM-DD': intake dates run up to it and nothing happens after it. */
  today: string;
  /** Seals id numbers and mobiles exactly as the service does (the service's own key). */
  cipher: PersonalDataCipher;
  onProgress?: (progress: SeedProgress) => void;
  /** Cases per transaction (default 5,000). */
  casesPerTransaction?: number;
  /** Rows per INSERT statement in the unnest mode (default 5,000). */
  rowsPerStatement?: number;
  /** COPY (PostgreSQL servers) or INSERT … unnest (works everywhere); by default COPY unless the database is PGlite. */
  bulk?: BulkMode;
  /**
   * The cipher's master key. When given, sealing runs on a worker thread with its own
   * PersonalDataCipher built from it (checked against `cipher` first), which frees the main thread.
   */
  personalDataKey?: Buffer;
}

export interface SeedSummary {
  cases: number;
  /** Rows inserted by this run, per table. */
  inserted: Record<string, number>;
  createdOrganisations: number;
  createdUsers: number;
  /** Rows of the reports' case_facts after its rebuild, or null where the function does not exist (yet). */
  caseFacts: number | null;
  elapsedMs: number;
}

/**
 * Adds `options.cases` synthetic cases (and their workers, employers, money and timeline) on one
 * connection: a TypeORM QueryRunner of the service's data source (tests) or of the command's (CLI).
 * The organisation tree and its staff are reused when present.
 */
export async function seedDatabase(runner: QueryRunner, options: SeedOptions): Promise<SeedSummary> {
  if (!Number.isInteger(options.cases) || options.cases < 1) throw new RangeError(`cases must be a positive whole number, got ${options.cases}`);
  if (!Number.isInteger(options.seed)) throw new RangeError(`seed must be a whole number, got ${options.seed}`);
  dayNumber(options.today);
  const started = Date.now();
  // Synthetic data is deliberately not written to the audit trail: replica mode skips the audit
  // triggers (and the foreign-key triggers: the rows are consistent by construction, and the unique
  // and CHECK constraints, which are not triggers, still hold). Commits need not wait for the disk
  // either: a crash loses at most the last chunks of generated data, never consistency.
  await runner.query(`SET session_replication_role = replica`);
  await runner.query(`SET synchronous_commit = off`);
  try {
    const summary = await new Loader(runner, options).run();
    return { ...summary, elapsedMs: Date.now() - started };
  } finally {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    await runner.query(`RESET synchronous_commit`);
    await runner.query(`RESET session_replication_role`);
  }
}

// ---------------------------------------------------------------------------------------------

interface EmployerRecord {
  id: string;
  kind: EmployerKind;
  industry: Industry | null;
  district: number;
  name: string;
  creditCode: string | null;
  /** Index into projects, or -1. */
  project: number;
  /** Index into employers of the party that let this contract, or -1. */
  contractedBy: number;
  inserted: boolean;
}

interface ProjectRecord {
  id: string;
  name: string;
  site: string;
  district: number;
  owner: number;
  generalContractor: number;
  inserted: boolean;
}

interface ReservoirWorker {
  id: string;
  name: string;
  day: number;
}

const INTAKE_CHANNELS: Record<string, Weighted<string>> = {
  service_center: new Weighted([['walk_in', 40], ['hotline_12351', 15], ['outreach_visit', 8], ['labour_bureau_referral', 15], ['online', 22]]),
  district_federation: new Weighted([['walk_in', 15], ['hotline_12351', 35], ['outreach_visit', 5], ['labour_bureau_referral', 30], ['online', 15]]),
  industry_union: new Weighted([['walk_in', 25], ['hotline_12351', 20], ['outreach_visit', 25], ['labour_bureau_referral', 10], ['online', 20]]),
  city_federation: new Weighted([['hotline_12351', 80], ['online', 20]]),
};

const CONSULTATION_CHANNEL: Record<string, string> = { walk_in: 'walk_in', hotline_12351: 'hotline_12351', online: 'online', outreach_visit: 'outreach_visit' };

const INSPECTION = new Weighted<string>([['in_order', 55], ['incomplete', 30], ['missing', 15]]);

/** Session slots (minute of day) in a mediation room's day. */
const SESSION_SLOTS = [9 * 60, 10 * 60, 11 * 60, 14 * 60, 15 * 60, 16 * 60];
const FULL_DAY = (1 << SESSION_SLOTS.length) - 1;

const REUSE_SHARE = 0.1;
const RESERVOIR_SIZE = 100_000;

class Loader {
  private readonly today: number;
  private readonly firstDay: number;
  private readonly newId = timeOrderedUuids();
  private readonly master: Prng;
  private readonly rng: Prng;
  private readonly people: Prng;
  private readonly desk: Prng;
  private readonly names = new NameSource();
  private readonly perTransaction: number;
  private readonly perStatement: number;
  private readonly inserted: Record<string, number> = {};
  private rowsWritten = 0;

  private city!: CityTree;
  private residents!: ResidentIdFactory;
  private employers: EmployerRecord[] = [];
  private projects: ProjectRecord[] = [];
  private slots!: Int32Array;
  private creditCounter = 0;
  private readonly counters = new Map<string, number>();
  private readonly reservoir: ReservoirWorker[] = [];
  private workersSeen = 0;
  private readonly mediatorBookings = new Map<string, Map<number, number>>();
  private bulk: BulkMode = 'unnest';
  /** Workers and employers go in with ON CONFLICT (unnest) when the table had rows before this run. */
  private guardWorkers = true;
  private guardEmployers = true;
  /** The chunk being generated; the one before it may still be being written. */
  private batch!: Batch;
  private sealer!: Sealer;

  constructor(
    private readonly runner: QueryRunner,
    private readonly options: SeedOptions,
  ) {
    this.today = dayNumber(options.today);
    this.firstDay = firstIntakeDay(this.today);
    this.master = new Prng(options.seed);
    this.rng = this.master.fork(1);
    this.people = this.master.fork(2);
    this.desk = this.master.fork(3);
    this.perTransaction = options.casesPerTransaction ?? 5000;
    this.perStatement = options.rowsPerStatement ?? 5000;
  }

  async run(): Promise<Omit<SeedSummary, 'elapsedMs'>> {
    const { cipher, personalDataKey } = this.options;
    this.sealer = personalDataKey ? await ThreadSealer.start(personalDataKey, cipher) : new InlineSealer(cipher);
    try {
      return await this.load();
    } finally {
      await this.sealer.close();
    }
  }

  private async load(): Promise<Omit<SeedSummary, 'elapsedMs'>> {
    const { cases } = this.options;
    const progress = (phase: string, done: number, total: number) =>
      this.options.onProgress?.({ phase, done, total, rows: this.rowsWritten });

    progress('organisations', 0, 1);
    const [existing] = await this.runner.query(
      `SELECT (SELECT count(*) FROM workers)::int AS workers, (SELECT count(*) FROM employers)::int AS employers, version() AS version`,
    );
    this.bulk = this.options.bulk ?? (/PGlite/i.test(String(existing.version)) ? 'unnest' : 'copy');
    // Within one run identifiers never repeat (they come from counters), so only rows that were there
    // before can collide; without any, the fast path needs no conflict handling.
    this.guardWorkers = this.bulk === 'unnest' || Number(existing.workers) > 0;
    this.guardEmployers = this.bulk === 'unnest' || Number(existing.employers) > 0;
    // Another run on this database draws from other parts of the identifier spaces.
    this.creditCounter = Number(existing.employers) * 3 + this.master.int(0, 1_000_000);
    this.residents = new ResidentIdFactory(this.firstDay, this.today, (this.options.seed * 7919 + Number(existing.workers)) | 0);
    await this.runner.startTransaction();
    this.city = await ensureCity(this.runner, this.master.fork(4), this.names, Math.min(16, Math.max(2, Math.ceil(cases / 25_000))), this.newId);
    await this.runner.commitTransaction();
    this.count('organisations', this.city.createdOrganisations);
    this.count('users', this.city.createdUsers);
    await this.loadCounters();
    progress('organisations', 1, 1);

    progress('planning', 0, 1);
    const intakeDays = this.planIntakeDays(cases);
    this.planEmployers(cases);
    progress('planning', 1, 1);

    // Chunk k+1 is generated while PostgreSQL writes chunk k: generation yields to the event loop now
    // and then, so the writes of the chunk before go on meanwhile (one connection, one statement at a time).
    let generated = 0;
    let written = 0;
    let writing: Promise<void> | null = null;
    let pending: Batch | null = null;
    const settle = async () => {
      if (!writing || !pending) return;
      await writing;
      for (const c of pending.cases) for (const w of c.newWorkers) this.remember(w);
      written += pending.cases.length;
      progress('cases', written, cases);
      writing = null;
      pending = null;
    };
    try {
      while (generated < cases) {
        const size = Math.min(this.perTransaction, cases - generated);
        const batch = this.newBatch();
        this.batch = batch;
        for (let i = generated; i < generated + size; i++) {
          batch.cases.push(this.generateCase(this.slots[i], intakeDays[i]));
          if (i % 25 === 24) await yieldToWrites();
        }
        this.generateDesk(batch.cases);
        batch.sealing = this.sealer.seal(batch.workers.map((w) => w.idNumber), batch.workers.map((w) => w.mobile));
        batch.sealing.catch(() => {}); // awaited when the chunk is written
        generated += size;
        await settle();
        writing = this.writeBatch(batch);
        writing.catch(() => {}); // awaited in settle(); this only keeps Node from calling it unhandled meanwhile
        pending = batch;
      }
    } catch (error) {
      // Let a chunk that is being written finish (or fail) before the caller rolls back and resets
      // the session, so nothing of it runs outside its transaction.
      if (writing) await (writing as Promise<void>).catch(() => {});
      throw error;
    }
    await settle();

    // Statistics first: the rebuild below joins every table just loaded, and planned on the empty
    // tables' statistics it takes many times longer (measured: 21 s against 1.4 s for 30,000 cases).
    progress('analyze', 0, 1);
    await this.runner.query(`ANALYZE`);
    progress('analyze', 1, 1);
    let caseFacts: number | null = null;
    // The reports' summary table (a later migration) is kept by triggers, which replica mode skipped.
    const [{ exists }] = await this.runner.query(`SELECT to_regproc('rebuild_case_facts') IS NOT NULL AS exists`);
    if (exists) {
      progress('case_facts', 0, 1);
      const [row] = await this.runner.query(`SELECT rebuild_case_facts() AS rebuilt`);
      caseFacts = Number(row.rebuilt);
      // The rebuild leaves every earlier row dead and the visibility map empty; the reports read
      // through index-only scans, which need it set.
      await this.runner.query(`VACUUM (ANALYZE) case_facts`);
      // the employers' counts (a later migration), rebuilt with it, are read from their index alone too
      const [{ counts }] = await this.runner.query(`SELECT to_regclass('employer_case_counts') IS NOT NULL AS counts`);
      if (counts) await this.runner.query(`VACUUM (ANALYZE) employer_case_counts`);
      progress('case_facts', 1, 1);
    }
    // The case list's pieces of names (a later migration) are kept by triggers too.
    const [{ pieces }] = await this.runner.query(`SELECT to_regproc('rebuild_case_name_pieces') IS NOT NULL AS pieces`);
    if (pieces) {
      progress('case_name_pieces', 0, 1);
      await this.runner.query(`SELECT rebuild_case_name_pieces()`);
      // index-only scans, as case_facts above
      await this.runner.query(`VACUUM (ANALYZE) case_name_pieces`);
      progress('case_name_pieces', 1, 1);
    }
    // The stored running deadlines (a later migration) are marked by triggers too: every open case is
    // marked for the service to compute (at its start, in the background).
    const [{ clocks }] = await this.runner.query(`SELECT to_regproc('reset_case_clocks') IS NOT NULL AS clocks`);
    if (clocks) await this.runner.query(`SELECT reset_case_clocks()`);
    return { cases, inserted: this.inserted, createdOrganisations: this.city.createdOrganisations, createdUsers: this.city.createdUsers, caseFacts };
  }

  private count(table: string, rows: number): void {
    this.inserted[table] = (this.inserted[table] ?? 0) + rows;
    this.rowsWritten += rows;
  }

  // -------------------------------------------------------------------------------------------
  // Case numbers

  /** The highest number used per organisation and year: the counters, and the numbers on cases themselves. */
  private async loadCounters(): Promise<void> {
    const ids = this.city.organisations.map((o) => o.id);
    const rows: { organisation_id: string; year: number; last_number: number }[] = await this.runner.query(
      `SELECT organisation_id, year, last_number FROM case_number_counters WHERE organisation_id = ANY($1::uuid[])`,
      [ids],
    );
    for (const row of rows) this.counters.set(`${row.organisation_id}:${row.year}`, Number(row.last_number));
    // A dispatched case keeps the number (and code) it was opened with: go by the code in the number.
    const byCode = new Map(this.city.organisations.map((o) => [o.code, o.id]));
    const used: { code: string; year: string; last: number }[] = await this.runner.query(
      `SELECT split_part(case_number, '-', 1) AS code, split_part(case_number, '-', 2) AS year,
              max(split_part(case_number, '-', 3)::int) AS last
         FROM cases WHERE case_number ~ '^[A-Z0-9]{2,8}-[0-9]{4}-[0-9]+$' AND split_part(case_number, '-', 1) = ANY($1::text[])
        GROUP BY 1, 2`,
      [[...byCode.keys()]],
    );
    for (const row of used) {
      const key = `${byCode.get(row.code)}:${Number(row.year)}`;
      this.counters.set(key, Math.max(this.counters.get(key) ?? 0, Number(row.last)));
    }
  }

  private nextCaseNumber(organisation: SeededOrganisation, day: number): string {
    const year = yearOfDay(day);
    const key = `${organisation.id}:${year}`;
    const next = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, next);
    this.batch.counters.add(key);
    return formatCaseNumber(organisation.code, year, next);
  }

  // -------------------------------------------------------------------------------------------
  // Planning

  /** Intake days of all cases, ascending, drawn from the seasonal weights. */
  private planIntakeDays(cases: number): Int32Array {
    const span = this.today - this.firstDay + 1;
    const weights = new Weighted(Array.from({ length: span }, (_, i) => [i, intakeWeight(this.firstDay + i)] as const));
    const perDay = new Int32Array(span);
    for (let i = 0; i < cases; i++) perDay[weights.pick(this.rng)] += 1;
    const days = new Int32Array(cases);
    let at = 0;
    for (let d = 0; d < span; d++) for (let k = 0; k < perDay[d]; k++) days[at++] = this.firstDay + d;
    return days;
  }

  /**
   * The employers that owe directly, each with its number of cases (Zipf-like), spread over time by a
   * shuffle; projects for building and landscaping firms, with owners, general contractors and the
   * subcontracting chain. Rows are written when an employer's first case comes in.
   */
  private planEmployers(cases: number): void {
    const rng = this.master.fork(5);
    const perEmployer = new CasesPerEmployer(300, 2.0);
    const districtWeights = new Weighted(DISTRICTS.map((d, i) => [i, d.weight] as const));
    const slots = new Int32Array(cases);
    let filled = 0;
    while (filled < cases) {
      const index = this.employers.length;
      const industry = INDUSTRY_WEIGHTS.pick(rng);
      const kind = directEmployerKind(rng, industry);
      this.employers.push(this.makeEmployer(rng, kind, industry, districtWeights.pick(rng)));
      const count = Math.min(cases - filled, perEmployer.next(rng));
      for (let k = 0; k < count; k++) slots[filled++] = index;
    }
    rng.shuffle(slots);
    this.slots = slots;

    const direct = this.employers.length;
    const sites: number[][] = DISTRICTS.map(() => []);
    for (let i = 0; i < direct; i++) {
      const e = this.employers[i];
      const onSite = (e.industry === 'construction' && e.kind !== 'company') || (e.industry === 'landscaping' && rng.chance(0.4));
      if (onSite && rng.chance(0.9)) sites[e.district].push(i);
    }
    const onSiteTotal = sites.reduce((sum, list) => sum + list.length, 0);
    const contractors = Math.max(1, Math.ceil(onSiteTotal / 25));
    const owners = Math.max(1, Math.ceil(onSiteTotal / 12));
    const contractorIndex: number[] = [];
    const ownerIndex: number[] = [];
    for (let i = 0; i < contractors; i++) {
      contractorIndex.push(this.employers.length);
      this.employers.push(this.makeEmployer(rng, 'general_contractor', 'construction', districtWeights.pick(rng)));
    }
    for (let i = 0; i < owners; i++) {
      ownerIndex.push(this.employers.length);
      this.employers.push(this.makeEmployer(rng, 'project_owner', rng.chance(0.8) ? 'construction' : 'other', districtWeights.pick(rng)));
    }
    sites.forEach((list, district) => {
      if (list.length === 0) return;
      const count = Math.max(1, Math.ceil(list.length * 0.3));
      const first = this.projects.length;
      for (let p = 0; p < count; p++) {
        const spec = DISTRICTS[district];
        this.projects.push({
          id: this.newId(),
          name: projectName(rng, spec, rng.chance(0.15)),
          site: siteAddress(rng, spec),
          district,
          owner: rng.pick(ownerIndex),
          generalContractor: rng.pick(contractorIndex),
          inserted: false,
        });
      }
      const labourOn = new Map<number, number[]>();
      // Subcontractors first, so that each 包工头 can be hired by a labour subcontractor on his site.
      const ordered = [...list].sort((a, b) => Number(this.employers[a].kind === 'individual_contractor') - Number(this.employers[b].kind === 'individual_contractor'));
      for (const i of ordered) {
        const e = this.employers[i];
        e.project = first + rng.int(0, count - 1);
        const project = this.projects[e.project];
        if (e.kind === 'individual_contractor') {
          const labour = labourOn.get(e.project);
          e.contractedBy = labour && rng.chance(0.75) ? rng.pick(labour) : project.generalContractor;
        } else {
          e.contractedBy = project.generalContractor;
          if (e.kind === 'labour_subcontractor') labourOn.set(e.project, [...(labourOn.get(e.project) ?? []), i]);
        }
      }
    });
  }

  private makeEmployer(rng: Prng, kind: EmployerKind, industry: Industry, district: number): EmployerRecord {
    const person = kind === 'individual_contractor';
    let code: string | null = null;
    if (!person) {
      const prefix: CreditCodePrefix =
        kind === 'company' && (industry === 'catering' || industry === 'retail' || industry === 'domestic_services') && rng.chance(0.3) ? '92' : '91';
      const region = kind === 'general_contractor' && rng.chance(0.3) ? rng.pick(['130100', '410100', '320100', '330100', '370100', '420100']) : DISTRICTS[district].regionCode;
      code = creditCode(this.creditCounter++, prefix, region, rng.chance(0.25));
    }
    return {
      id: this.newId(),
      kind,
      industry,
      district,
      name: person ? this.names.person(rng, true) : companyName(rng, kind, industry),
      creditCode: code,
      project: -1,
      contractedBy: -1,
      inserted: false,
    };
  }

  // -------------------------------------------------------------------------------------------
  // Rows

  private newBatch(): Batch {
    return { buffers: this.makeBuffers(), cases: [], counters: new Set(), pendingEmployers: [], workers: [], sealing: null };
  }

  private get buffers(): Buffers {
    return this.batch.buffers;
  }

  private makeBuffers() {
    const onConflict = 'ON CONFLICT DO NOTHING';
    const table = (name: string, specs: ConstructorParameters<typeof RowBuffer>[1], guarded = false) =>
      guarded ? new RowBuffer(name, specs, 'unnest', onConflict) : new RowBuffer(name, specs, this.bulk);
    return {
      employers: table('employers', [
        ['id', 'uuid'], ['name', 'text'], ['credit_code', 'text'], ['kind', 'text'], ['district', 'text'], ['industry', 'text'],
        ['legal_representative', 'text'], ['contact_name', 'text'], ['contact_phone', 'text'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
      ], this.guardEmployers),
      projects: table('projects', [
        ['id', 'uuid'], ['name', 'text'], ['site', 'text'], ['owner_id', 'uuid'], ['general_contractor_id', 'uuid'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
      ]),
      projectSubcontracts: table('project_subcontracts', [
        ['project_id', 'uuid'], ['employer_id', 'uuid'], ['contracted_by_id', 'uuid'], ['role', 'text'], ['position', 'integer'],
      ]),
      workers: table('workers', [
        ['id', 'uuid'], ['name', 'text'], ['id_number_sealed', 'text'], ['id_number_hash', 'text'], ['mobile_sealed', 'text'], ['home_province', 'text'],
        ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
      ], this.guardWorkers),
      consultations: table('consultations', [
        ['id', 'uuid'], ['organisation_id', 'uuid'], ['lawyer_id', 'uuid'], ['consulted_at', 'timestamptz'], ['channel', 'text'], ['topic', 'text'],
        ['worker_name', 'text'], ['worker_id', 'uuid'], ['employer_id', 'uuid'], ['employer_name', 'text'], ['advice', 'text'],
        ['duration_minutes', 'integer'], ['follow_up_needed', 'boolean'], ['case_id', 'uuid'], ['created_at', 'timestamptz'],
      ]),
      cases: table('cases', [
        ['id', 'uuid'], ['organisation_id', 'uuid'], ['case_number', 'text'], ['intake_channel', 'text'], ['intake_date', 'date'], ['project_id', 'uuid'],
        ['lawyer_id', 'uuid'], ['mediator_id', 'uuid'], ['status', 'text'], ['outcome', 'text'], ['status_reason', 'text'], ['referred_to', 'text'],
        ['summary', 'text'], ['version', 'integer'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'], ['closed_at', 'timestamptz'],
        ['closed_on', 'date'], ['arbitration_applied_on', 'date'], ['arbitration_accepted_on', 'date'], ['arbitration_extended', 'boolean'], ['arbitration_awarded_on', 'date'],
        ['payment_order_applied_on', 'date'], ['payment_order_issued_on', 'date'], ['payment_order_served_on', 'date'],
        ['bureau_order_pay_by', 'date'], ['bureau_order_amount_fen', 'bigint'], ['consultation_id', 'uuid'],
      ]),
      caseEmployers: table('case_employers', [['case_id', 'uuid'], ['employer_id', 'uuid'], ['role', 'text']]),
      evidence: table('case_evidence', [
        ['id', 'uuid'], ['case_id', 'uuid'], ['kind', 'text'], ['description', 'text'], ['received_on', 'date'], ['created_at', 'timestamptz'],
      ]),
      claims: table('claims', [
        ['id', 'uuid'], ['case_id', 'uuid'], ['worker_id', 'uuid'], ['kind', 'text'], ['period_start', 'date'], ['period_end', 'date'],
        ['claimed_fen', 'bigint'], ['confirmed_fen', 'bigint'], ['note', 'text'], ['version', 'integer'], ['created_at', 'timestamptz'],
        ['updated_at', 'timestamptz'], ['knew_on', 'date'], ['employment_ongoing', 'boolean'], ['employment_ended_on', 'date'],
        ['position', 'integer'],
      ]),
      sessions: table('mediation_sessions', [
        ['id', 'uuid'], ['case_id', 'uuid'], ['mediator_id', 'uuid'], ['place', 'text'], ['starts_at', 'timestamptz'], ['ends_at', 'timestamptz'],
        ['status', 'text'], ['outcome', 'text'], ['adjourned_to', 'date'], ['notes', 'text'], ['version', 'integer'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
      ]),
      attendance: table('session_attendance', [
        ['session_id', 'uuid'], ['party', 'text'], ['name', 'text'], ['worker_id', 'uuid'], ['employer_id', 'uuid'], ['present', 'boolean'],
      ]),
      representatives: table('case_representatives', [['case_id', 'uuid'], ['worker_id', 'uuid'], ['elected_on', 'date']]),
      agreements: table('agreements', [
        ['id', 'uuid'], ['case_id', 'uuid'], ['signed_on', 'date'], ['total_fen', 'bigint'], ['schedule', 'text'], ['terms', 'text'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
      ]),
      instalments: table('instalments', [['id', 'uuid'], ['agreement_id', 'uuid'], ['claim_id', 'uuid'], ['due_on', 'date'], ['amount_fen', 'bigint']]),
      payouts: table('payouts', [
        ['id', 'uuid'], ['case_id', 'uuid'], ['claim_id', 'uuid'], ['amount_fen', 'bigint'], ['paid_on', 'date'], ['payer_kind', 'text'], ['channel', 'text'],
        ['receipt_reference', 'text'], ['batch_id', 'uuid'], ['recorded_by_id', 'uuid'], ['created_at', 'timestamptz'],
      ]),
      events: table('case_events', [
        ['case_id', 'uuid'], ['kind', 'text'], ['from_status', 'text'], ['to_status', 'text'], ['data', 'jsonb'], ['actor_id', 'uuid'], ['occurred_at', 'timestamptz'],
        ['happened_on', 'date'],
      ]),
      visits: table('outreach_visits', [
        ['id', 'uuid'], ['organisation_id', 'uuid'], ['lawyer_id', 'uuid'], ['visited_on', 'date'], ['employer_id', 'uuid'], ['project_id', 'uuid'], ['site', 'text'],
        ['workers_reached', 'integer'], ['wage_sheets', 'text'], ['dedicated_wage_account', 'text'], ['guarantee_deposit', 'text'], ['real_name_records', 'text'],
        ['arrears_found', 'boolean'], ['findings', 'text'], ['created_at', 'timestamptz'],
      ]),
      warnings: table('early_warnings', [
        ['id', 'uuid'], ['visit_id', 'uuid'], ['organisation_id', 'uuid'], ['employer_id', 'uuid'], ['project_id', 'uuid'], ['raised_on', 'date'],
        ['estimated_workers', 'integer'], ['estimated_fen', 'bigint'], ['status', 'text'], ['case_id', 'uuid'], ['created_at', 'timestamptz'],
      ]),
    };
  }

  /**
   * Writes a chunk in its own transaction. Employers and workers that may collide with rows from
   * before this run go in with ON CONFLICT DO NOTHING: a credit code or id number registered already is
   * found by the count, and that row is made again with a fresh number and the same key, so the rows
   * pointing at it stay right.
   */
  private async writeBatch(batch: Batch): Promise<void> {
    const b = batch.buffers;
    await this.runner.startTransaction();
    await this.writeGuarded(b.employers, () => this.renumberEmployers(batch));
    for (const buffer of [
      b.projects, b.projectSubcontracts, b.consultations, b.cases, b.caseEmployers, b.evidence, b.claims, b.sessions, b.attendance,
      b.representatives, b.agreements, b.instalments, b.payouts, b.events, b.visits, b.warnings,
    ]) {
      await this.write(buffer);
    }
    // Last, so that the sealing thread has had the time the other tables took.
    await this.writeWorkers(batch);
    await this.writeCounters(batch.counters);
    await this.runner.commitTransaction();
    // PGlite has no checkpointer: without a checkpoint its write-ahead log keeps every chunk written
    // (21 GB for a million cases), where a server recycles it (src/database/embedded-checkpoints.ts)
    if (this.bulk === 'unnest') await this.runner.query(`CHECKPOINT`);
  }

  private async write(buffer: RowBuffer): Promise<number> {
    const rows = buffer.length;
    if (rows === 0) return 0;
    const inserted = await buffer.flush(this.runner, this.perStatement);
    this.count(buffer.table, inserted);
    return inserted;
  }

  private async writeGuarded(buffer: RowBuffer, renumber: () => Promise<void>): Promise<void> {
    const rows = buffer.length;
    if ((await this.write(buffer)) < rows) await renumber();
  }

  private async missing(table: string, ids: string[]): Promise<Set<string>> {
    const found: { id: string }[] = await this.runner.query(`SELECT id FROM ${table} WHERE id = ANY($1::uuid[])`, [ids]);
    const present = new Set(found.map((row) => row.id));
    return new Set(ids.filter((id) => !present.has(id)));
  }

  private async renumberEmployers(batch: Batch): Promise<void> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const missing = await this.missing('employers', batch.pendingEmployers.map((p) => p.record.id));
      if (missing.size === 0) return;
      for (const pending of batch.pendingEmployers) {
        if (!missing.has(pending.record.id)) continue;
        const code = pending.record.creditCode!;
        pending.record.creditCode = creditCode(this.creditCounter++, code.slice(0, 2) as CreditCodePrefix, code.slice(2, 8), /^\d/.test(code.slice(8)));
        pending.row[2] = pending.record.creditCode;
        batch.buffers.employers.push(...pending.row);
      }
      await this.write(batch.buffers.employers);
    }
    throw new Error('could not find free credit codes after 20 attempts');
  }

  /** The chunk's workers, once sealed. */
  private async writeWorkers(batch: Batch): Promise<void> {
    const sealed = await batch.sealing!;
    const rows = batch.workers;
    for (let i = 0; i < rows.length; i++) {
      const w = rows[i];
      batch.buffers.workers.push(w.id, w.name, sealed.idNumbersSealed[i], sealed.idNumberHashes[i], sealed.mobilesSealed[i], w.province, w.at, w.at);
    }
    await this.writeGuarded(batch.buffers.workers, () => this.renumberWorkers(batch, sealed));
  }

  private async renumberWorkers(batch: Batch, sealed: SealedBatch): Promise<void> {
    const { cipher } = this.options;
    for (let attempt = 0; attempt < 20; attempt++) {
      const missing = await this.missing('workers', batch.workers.map((w) => w.id));
      if (missing.size === 0) return;
      batch.workers.forEach((w, i) => {
        if (!missing.has(w.id)) return;
        const resident = this.residents.next(this.people, w.day, w.region, w.male);
        w.province = resident.province;
        batch.buffers.workers.push(
          w.id, w.name, cipher.encrypt(resident.idNumber), cipher.lookupHash(resident.idNumber), sealed.mobilesSealed[i], w.province, w.at, w.at,
        );
      });
      await this.write(batch.buffers.workers);
    }
    throw new Error('could not find free resident id numbers after 20 attempts');
  }

  private async writeCounters(touched: Set<string>): Promise<void> {
    if (touched.size === 0) return;
    const keys = [...touched];
    await this.runner.query(
      `INSERT INTO case_number_counters (organisation_id, year, last_number)
       SELECT * FROM unnest($1::uuid[], $2::int[], $3::int[])
       ON CONFLICT (organisation_id, year) DO UPDATE SET last_number = GREATEST(case_number_counters.last_number, EXCLUDED.last_number)`,
      [keys.map((k) => k.split(':')[0]), keys.map((k) => Number(k.split(':')[1])), keys.map((k) => this.counters.get(k)!)],
    );
  }

  // -------------------------------------------------------------------------------------------
  // Employers, projects and workers as they first appear

  private ensureEmployer(index: number, day: number): EmployerRecord {
    const e = this.employers[index];
    if (e.inserted) return e;
    e.inserted = true;
    const rng = this.rng;
    if (e.project >= 0) this.ensureProject(e.project, day);
    if (e.contractedBy >= 0) this.ensureEmployer(e.contractedBy, day);
    const person = e.kind === 'individual_contractor';
    const representative = person ? null : this.names.person(rng, rng.chance(0.8));
    const contact = person ? e.name : rng.chance(0.6) ? this.names.person(rng) : representative;
    const registered = stamp(day, officeMinute(rng) - 30);
    const row: CellValue[] = [
      e.id, e.name, e.creditCode, e.kind, DISTRICTS[e.district].name, e.industry,
      representative, contact, person || rng.chance(0.6) ? mobileNumber(rng) : landline(rng), registered, registered,
    ];
    this.buffers.employers.push(...row);
    if (e.creditCode !== null && this.guardEmployers) this.batch.pendingEmployers.push({ record: e, row });
    if (e.project >= 0 && e.contractedBy >= 0 && e.kind !== 'company') {
      const position = this.employers[e.contractedBy].kind === 'general_contractor' ? 1 : 2;
      this.buffers.projectSubcontracts.push(this.projects[e.project].id, e.id, this.employers[e.contractedBy].id, e.kind, position);
    }
    return e;
  }

  private ensureProject(index: number, day: number): void {
    const p = this.projects[index];
    if (p.inserted) return;
    p.inserted = true;
    this.ensureEmployer(p.owner, day);
    this.ensureEmployer(p.generalContractor, day);
    const created = stamp(day, officeMinute(this.rng) - 20);
    this.buffers.projects.push(p.id, p.name, p.site, this.employers[p.owner].id, this.employers[p.generalContractor].id, created, created);
  }

  private newWorker(day: number, minute: number, region: number | null): { id: string; name: string; day: number } {
    const rng = this.people;
    const resident = region === null ? this.residents.next(rng, day) : this.residents.next(rng, day, region);
    const id = this.newId();
    const name = this.names.person(rng, resident.male);
    const at = stamp(day, minute);
    // Sealed when the chunk is complete (on the sealing thread if there is one), written after it.
    this.batch.workers.push({
      id, name, idNumber: resident.idNumber, mobile: rng.chance(0.92) ? mobileNumber(rng) : null, province: resident.province,
      at, day, region: resident.region, male: resident.male,
    });
    return { id, name, day };
  }

  /** Reservoir sampling over every worker so far: a returning worker can come from any earlier season. */
  private remember(worker: ReservoirWorker): void {
    this.workersSeen += 1;
    if (this.reservoir.length < RESERVOIR_SIZE) this.reservoir.push(worker);
    else {
      const j = this.rng.int(0, this.workersSeen - 1);
      if (j < RESERVOIR_SIZE) this.reservoir[j] = worker;
    }
  }

  /** A worker from an earlier season (at least four months before), not already on this case. */
  private returningWorker(day: number, taken: Set<string>): ReservoirWorker | null {
    if (this.reservoir.length === 0) return null;
    for (let attempt = 0; attempt < 4; attempt++) {
      const candidate = this.reservoir[this.rng.int(0, this.reservoir.length - 1)];
      if (candidate.day <= day - 120 && !taken.has(candidate.id)) return candidate;
    }
    return null;
  }

  // -------------------------------------------------------------------------------------------
  // One case

  private chooseOrganisation(e: EmployerRecord): SeededOrganisation {
    const r = this.rng.next();
    const city = this.city;
    if (r < 0.76) {
      const centres = city.centresOfDistrict[e.district];
      if (centres.length > 0) return this.rng.pick(centres);
    }
    if (r < 0.88) return city.federationOfDistrict[e.district];
    if (r < 0.95 && e.industry) return city.unionOfIndustry.get(e.industry) ?? city.federationOfDistrict[e.district];
    return city.root;
  }

  private staffOf(organisation: SeededOrganisation): OrganisationStaff {
    const own = this.city.staff.get(organisation.id)!;
    const root = this.city.staff.get(this.city.root.id)!;
    // The city's own staff can be put on any case (everything is below the city).
    return {
      lawyers: own.lawyers.length > 0 ? own.lawyers : root.lawyers,
      mediators: own.mediators.length > 0 ? own.mediators : root.mediators,
      clerks: own.clerks.length > 0 ? own.clerks : root.clerks,
    };
  }

  private generateCase(employerIndex: number, day: number): CaseContext {
    const rng = this.rng;
    const b = this.buffers;
    const employer = this.ensureEmployer(employerIndex, day);
    const organisation = this.chooseOrganisation(employer);
    const staff = this.staffOf(organisation);
    const channel = (INTAKE_CHANNELS[organisation.kind] ?? INTAKE_CHANNELS.service_center).pick(rng);
    const intakeMinute = officeMinute(rng);
    const workers = groupSize(rng);
    const plan = planCase(rng, { intakeDay: day, intakeMinute, today: this.today, workers });
    const caseId = this.newId();
    const lawyer = staff.lawyers.length > 0 && rng.chance(0.88) ? rng.pick(staff.lawyers) : null;
    const mediator =
      staff.mediators.length === 0 || !(plan.needsMediator || rng.chance(0.2))
        ? null
        : plan.session
          ? this.mediatorFreeOn(staff.mediators, plan.session.day)
          : rng.pick(staff.mediators);
    const mediatorAtOpening = mediator !== null && (!plan.needsMediator || rng.chance(0.3));
    const clerk = staff.clerks.length > 0 ? rng.pick(staff.clerks) : null;
    const caseNumber = this.nextCaseNumber(organisation, day);
    const openedAt = stamp(day, intakeMinute);
    const industry = employer.industry ?? 'other';

    // The chain of employers and the project.
    const project = employer.project >= 0 && rng.chance(0.9) ? this.projects[employer.project] : null;
    b.caseEmployers.push(caseId, employer.id, 'employer');
    let generalContractor: EmployerRecord | null = null;
    if (project) {
      if (employer.contractedBy >= 0 && this.employers[employer.contractedBy].kind === 'labour_subcontractor' && rng.chance(0.7)) {
        b.caseEmployers.push(caseId, this.employers[employer.contractedBy].id, 'labour_subcontractor');
      }
      if (rng.chance(0.65)) {
        generalContractor = this.employers[project.generalContractor];
        b.caseEmployers.push(caseId, generalContractor.id, 'general_contractor');
      }
      if (rng.chance(0.15)) b.caseEmployers.push(caseId, this.employers[project.owner].id, 'project_owner');
    }

    // Workers and their claims.
    const terms = payTerms(rng, industry, day);
    const village = workers >= 3 && rng.chance(0.6) ? this.residents.pickRegion(this.people) : null;
    const taken = new Set<string>();
    const claims: ClaimContext[] = [];
    const newWorkers: ReservoirWorker[] = [];
    let claimedTotal = 0;
    let confirmedTotal = 0;
    let confirmedCount = 0;
    for (let w = 0; w < workers; w++) {
      let worker: ReservoirWorker | null = rng.chance(REUSE_SHARE) ? this.returningWorker(day, taken) : null;
      if (!worker) {
        worker = this.newWorker(day, intakeMinute, village !== null && rng.chance(0.7) ? village : null);
        newWorkers.push(worker);
      }
      taken.add(worker.id);
      const claimed = claimedFen(rng, terms);
      const confirmed = plan.confirmation === 'all' || (plan.confirmation === 'some' && rng.chance(0.5)) ? confirmedFen(rng, claimed) : null;
      claimedTotal += claimed;
      if (confirmed !== null) {
        confirmedTotal += confirmed;
        confirmedCount += 1;
      }
      claims.push({ id: this.newId(), workerId: worker.id, workerName: worker.name, claimed, confirmed, paid: 0 });
    }

    // The case row, from its plan.
    const summary = caseSummary(rng, employer.name, workers, terms, claimedTotal, campaignEve(day) !== null);
    const transitions = plan.steps.filter((s) => s.kind === 'transition');
    const lastStep = plan.steps[plan.steps.length - 1];
    const updatedAt = lastStep ? stamp(lastStep.day, lastStep.minute) : openedAt;
    const consultationId = CONSULTATION_CHANNEL[channel] && channel !== 'outreach_visit' && lawyer && rng.chance(0.35) ? this.newId() : null;
    const a = plan.arbitration;
    const p = plan.paymentOrder;
    b.cases.push(
      caseId, organisation.id, caseNumber, channel, day, project?.id ?? null, lawyer?.id ?? null, mediator?.id ?? null,
      plan.status, plan.outcome, plan.statusReason, plan.referredTo, summary, 1 + transitions.length + (mediator && !mediatorAtOpening ? 1 : 0),
      openedAt, updatedAt, plan.closedAt ? stamp(plan.closedAt.day, plan.closedAt.minute) : null, plan.closedAt?.day ?? null,
      a?.appliedOn ?? null, a?.acceptedOn ?? null, a?.extended ?? false, a?.awardedOn ?? null,
      p?.appliedOn ?? null, p?.issuedOn ?? null, p?.servedOn ?? null,
      plan.bureauOrderPayBy, plan.bureauOrderPayBy !== null ? confirmedTotal || claimedTotal : null, consultationId,
    );

    // Claims.
    const site = terms.daily;
    for (const [index, claim] of claims.entries()) {
      const knewOn = Math.min(day, terms.periodEndDay + rng.int(0, 30));
      const ongoing = rng.chance(0.15);
      const noPeriod = rng.chance(0.05);
      b.claims.push(
        claim.id, caseId, claim.workerId, terms.kind, noPeriod ? null : terms.periodStartDay, noPeriod ? null : terms.periodEndDay,
        claim.claimed, claim.confirmed, rng.chance(0.03) ? (site ? `${jobTitle(rng, industry)}，按日工资结算` : '含加班费') : null,
        claim.confirmed === null ? 1 : 2, openedAt, openedAt, knewOn, ongoing, ongoing ? null : terms.periodEndDay,
        // the roster's order is the order the workers were drawn in
        index + 1,
      );
    }

    // Evidence handed in at intake.
    const evidenceCount = rng.next() < 0.2 ? 0 : rng.int(1, 2) + (workers >= 10 && rng.chance(0.5) ? 1 : 0);
    const kinds = new Set<string>();
    for (let i = 0; i < evidenceCount; i++) {
      const [kind, description] = evidenceItem(rng);
      if (kinds.has(kind)) continue;
      kinds.add(kind);
      b.evidence.push(this.newId(), caseId, kind, description, day, openedAt);
    }

    // The timeline, money and mediation, step by step.
    const opener = channel === 'hotline_12351' || channel === 'online' || !lawyer ? clerk ?? lawyer : lawyer;
    const event = (kind: string, at: number, actor: StaffMember | null, data: Record<string, unknown>, from: CaseStatus | null = null, to: CaseStatus | null = null) =>
      // a seeded event happened the day it was recorded (a stamp is day × 1440 + minute)
      b.events.push(caseId, kind, from, to, JSON.stringify(data), actor?.id ?? null, at, Math.floor(at / 1440));
    event('case_opened', openedAt, opener, {
      caseNumber, intakeChannel: channel, lawyerId: lawyer?.id ?? null, mediatorId: mediatorAtOpening ? mediator!.id : null,
    }, null, 'received');
    event('claims_added', stamp(day, intakeMinute + 1), opener, {
      source: workers > 30 ? 'roster_xlsx' : 'form', workers, claimedTotal: yuan(claimedTotal),
    });

    const handler = mediator ?? lawyer ?? clerk;
    const sessionId = plan.session ? this.newId() : null;
    const sessionTimes = plan.session && mediator ? this.bookSession(mediator.id, plan.session.day) : null;
    const payer = this.payerFor(plan, project !== null, generalContractor !== null);
    let payIndex = 0;
    let agreementId: string | null = null;
    for (const step of plan.steps) {
      const at = stamp(step.day, step.minute);
      switch (step.kind) {
        case 'transition': {
          if (step.to === 'mediating' && mediator && !mediatorAtOpening) {
            event('mediator_assigned', stamp(step.day, step.minute - 1), lawyer ?? clerk, { from: null, to: mediator.id });
          }
          const data: Record<string, unknown> = {};
          if (step.outcome) data.outcome = step.outcome;
          if (step.reason) data.reason = step.reason;
          if (step.referredTo) data.referredTo = step.referredTo;
          if (step.note) data.note = step.note;
          const actor = step.to === 'verifying' || step.to === 'rejected' || step.to === 'referred' ? lawyer ?? handler : handler;
          event('status_changed', at, actor, data, step.from!, step.to!);
          if (step.to === 'mediating' && workers >= 10) {
            const count = Math.min(claims.length, rng.int(1, 3));
            for (let i = 0; i < count; i++) b.representatives.push(caseId, claims[i].workerId, step.day);
          }
          break;
        }
        case 'confirm':
          event('claims_confirmed', at, lawyer ?? handler, { workers: confirmedCount, confirmedTotal: yuan(confirmedTotal) });
          break;
        case 'session_scheduled':
          if (sessionId && sessionTimes) {
            event('session_scheduled', at, handler, {
              sessionId, mediatorId: mediator!.id, roomId: null, startsAt: sessionTimes.startsAt, endsAt: sessionTimes.endsAt,
            });
          }
          break;
        case 'session_held':
          if (sessionId && plan.session && plan.session.status === 'held') {
            event('session_held', at, handler, { sessionId, outcome: plan.session.outcome, adjournedTo: isoOrNull(plan.session.adjournedTo) });
          }
          break;
        case 'agreement': {
          if (!plan.agreement) break;
          agreementId = this.newId();
          const dues = plan.agreement.dueDays;
          b.agreements.push(agreementId, caseId, step.day, confirmedTotal, 'total', `用人单位于${isoDay(dues[dues.length - 1])}前分${dues.length}期支付全部欠付工资`, at, at);
          let planned = 0;
          dues.forEach((due, j) => {
            const amount = j === dues.length - 1 ? confirmedTotal - planned : Math.floor(confirmedTotal * plan.payShares[Math.min(j, plan.payShares.length - 1)]);
            planned += amount;
            if (amount > 0) b.instalments.push(this.newId(), agreementId, null, due, amount);
          });
          event('agreement_signed', at, handler, { agreementId, signedOn: isoDay(step.day), total: yuan(confirmedTotal), instalments: dues.length });
          break;
        }
        case 'payday': {
          const j = payIndex++;
          const batchId = this.newId();
          const kind = payer.kinds[Math.min(j, payer.kinds.length - 1)];
          const channelOf = payer.channel;
          const reference = this.receipt(channelOf, step.day);
          let dayTotal = 0;
          let lines = 0;
          for (const claim of claims) {
            if (claim.confirmed === null) continue;
            const amount = payoutFen(plan, j, claim.confirmed, claim.paid);
            if (amount <= 0) continue;
            claim.paid += amount;
            dayTotal += amount;
            lines += 1;
            b.payouts.push(this.newId(), caseId, claim.id, amount, step.day, kind, channelOf, reference, batchId, handler?.id ?? null, at);
          }
          if (lines > 0) {
            event('payouts_recorded', at, handler, { batchId, workers: lines, total: yuan(dayTotal), paidOn: isoDay(step.day), payerKind: kind, channel: channelOf });
          }
          break;
        }
      }
    }

    if (plan.session && sessionId && mediator && sessionTimes) {
      const s = plan.session;
      const held = s.status === 'held';
      const scheduled = plan.steps.find((step) => step.kind === 'session_scheduled');
      const booked = scheduled ? stamp(scheduled.day, scheduled.minute) : openedAt;
      b.sessions.push(
        sessionId, caseId, mediator.id, `${organisation.name}调解室`, sessionTimes.starts, sessionTimes.ends, s.status, s.outcome, s.adjournedTo,
        held ? (s.outcome === 'agreement' ? '双方就支付金额和期限达成一致' : s.outcome === 'adjourned' ? '用人单位需核对工资台账，择期再调' : '用人单位不认可欠薪数额，调解不成') : null,
        held ? 2 : 1, booked, held ? sessionTimes.ends : booked,
      );
      if (held) {
        b.attendance.push(sessionId, 'employer', employer.name, null, employer.id, rng.chance(0.9));
        b.attendance.push(sessionId, workers >= 10 ? 'worker_representative' : 'worker', claims[0].workerName, claims[0].workerId, null, true);
        if (lawyer) b.attendance.push(sessionId, 'lawyer', lawyer.name, null, null, true);
      }
    }

    return { caseId, day, organisation, lawyer, employer, project, consultationId, channel, intakeMinute, claims, newWorkers, staff };
  }

  /** Who paid and how: the employer mostly; on sites also the general contractor (先行清偿), deposits and funds. */
  private payerFor(plan: CasePlan, onSite: boolean, hasContractor: boolean): { kinds: string[]; channel: string } {
    const rng = this.rng;
    const count = Math.max(1, plan.payDays.length);
    const kinds: string[] = [];
    for (let i = 0; i < count; i++) {
      if (plan.payerHint === 'court') kinds.push(rng.chance(0.75) ? 'court_enforcement' : 'employer');
      else {
        const r = rng.next();
        kinds.push(
          hasContractor && r < 0.25 ? 'general_contractor'
            : onSite && r < 0.33 ? 'guarantee_deposit'
              : onSite && r < 0.36 ? 'project_owner'
                : r > 0.95 ? 'emergency_fund'
                  : 'employer',
        );
      }
    }
    const channel = onSite && rng.chance(0.45) ? 'dedicated_wage_account' : rng.chance(0.85) ? 'bank_transfer' : 'cash_with_signature';
    return { kinds, channel };
  }

  private receipt(channel: string, day: number): string | null {
    const rng = this.rng;
    if (rng.chance(0.15)) return null;
    const date = isoDay(day).replace(/-/g, '');
    if (channel === 'cash_with_signature') return `QS-${date}-${String(rng.int(1, 9999)).padStart(4, '0')}`;
    const bank = channel === 'dedicated_wage_account' ? 'ZH' : rng.pick(['ICBC', 'ABC', 'BOC', 'CCB', 'BCM', 'PSBC']);
    return `${bank}${date}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
  }

  /** A mediator of the organisation with an hour free on the session's day (the first one asked, if all are full). */
  private mediatorFreeOn(mediators: StaffMember[], day: number): StaffMember {
    const first = this.rng.int(0, mediators.length - 1);
    for (let k = 0; k < mediators.length; k++) {
      const candidate = mediators[(first + k) % mediators.length];
      const used = this.mediatorBookings.get(candidate.id)?.get(day) ?? 0;
      if (used !== FULL_DAY) return candidate;
    }
    return mediators[first];
  }

  /** A free hour in the mediator's day (six a day); a full day double-books, as people sometimes do. */
  private bookSession(mediatorId: string, day: number): { starts: number; ends: number; startsAt: string; endsAt: string } {
    let days = this.mediatorBookings.get(mediatorId);
    if (!days) {
      days = new Map();
      this.mediatorBookings.set(mediatorId, days);
    }
    const used = days.get(day) ?? 0;
    const free = SESSION_SLOTS.map((_, i) => i).filter((i) => (used & (1 << i)) === 0);
    const slot = free.length > 0 ? this.rng.pick(free) : this.rng.int(0, SESSION_SLOTS.length - 1);
    days.set(day, used | (1 << slot));
    const start = SESSION_SLOTS[slot];
    const end = start + this.rng.pick([45, 50, 60]);
    return { starts: stamp(day, start), ends: stamp(day, end), startsAt: shanghaiInstant(day, start), endsAt: shanghaiInstant(day, end) };
  }

  // -------------------------------------------------------------------------------------------
  // The lawyers' desk: consultations and outreach visits of the same days

  private generateDesk(chunk: CaseContext[]): void {
    const rng = this.desk;
    const b = this.buffers;
    let consultations = 0;
    let visits = 0;
    for (const c of chunk) {
      if (c.consultationId && c.lawyer) {
        consultations += 1;
        const topic = c.claims.length > 0 && rng.chance(0.3) ? 'unpaid_labour_fees' : 'unpaid_wages';
        const at = stamp(c.day, Math.max(8 * 60 + 30, c.intakeMinute - rng.int(15, 60)));
        b.consultations.push(
          c.consultationId, c.organisation.id, c.lawyer.id, at, CONSULTATION_CHANNEL[c.channel] === 'hotline_12351' && rng.chance(0.3) ? 'phone' : CONSULTATION_CHANNEL[c.channel],
          topic, c.claims[0].workerName, c.claims[0].workerId, c.employer.id, c.employer.name, adviceFor(rng, topic),
          rng.int(10, 90), true, c.caseId, at,
        );
      }
      if (c.channel === 'outreach_visit') {
        const lawyer = c.lawyer ?? (c.staff.lawyers.length > 0 ? rng.pick(c.staff.lawyers) : null);
        if (!lawyer) continue;
        visits += 1;
        const visitedOn = workingDayOnOrBefore(c.day - rng.int(0, 10));
        this.visit(rng, c.organisation, lawyer, visitedOn, c.employer, c.project, true, c.claims.length, c.caseId);
      }
    }
    // Consultations that did not (or not yet) become a case: about 1.5 per case in all.
    const wanted = Math.round(chunk.length * 1.5) - consultations;
    for (let i = 0; i < wanted; i++) {
      const c = rng.pick(chunk);
      if (c.staff.lawyers.length === 0) continue;
      const day = Math.min(this.today, Math.max(this.firstDay, c.day + rng.int(-5, 5)));
      const topic = CONSULTATION_TOPICS.pick(rng);
      const at = stamp(day, officeMinute(rng));
      const employerKnown = rng.next();
      b.consultations.push(
        this.newId(), c.organisation.id, rng.pick(c.staff.lawyers).id, at, rng.pick(['walk_in', 'walk_in', 'hotline_12351', 'phone', 'online']), topic,
        rng.chance(0.7) ? this.names.person(rng, rng.chance(0.75)) : null, null,
        employerKnown < 0.3 ? c.employer.id : null, employerKnown < 0.3 ? c.employer.name : employerKnown < 0.55 ? companyName(rng, 'company', c.employer.industry ?? 'other') : null,
        adviceFor(rng, topic), rng.int(5, 60), rng.chance(0.25), null, at,
      );
    }
    // Outreach visits (送法进企业) to the chunk's employers: about 0.2 per case in all.
    const moreVisits = Math.round(chunk.length * 0.2) - visits;
    for (let i = 0; i < moreVisits; i++) {
      const c = rng.pick(chunk);
      if (c.staff.lawyers.length === 0) continue;
      const day = workingDayOnOrBefore(Math.min(this.today, Math.max(this.firstDay, c.day + rng.int(-20, 20))));
      this.visit(rng, c.organisation, rng.pick(c.staff.lawyers), day, c.employer, c.project, rng.chance(0.15), rng.int(5, 200), null);
    }
  }

  private visit(
    rng: Prng,
    organisation: SeededOrganisation,
    lawyer: StaffMember,
    day: number,
    employer: EmployerRecord,
    project: ProjectRecord | null,
    arrearsFound: boolean,
    workers: number,
    caseId: string | null,
  ): void {
    const b = this.buffers;
    const id = this.newId();
    const at = stamp(day, officeMinute(rng));
    const onSite = project !== null;
    const check = () => (arrearsFound && rng.chance(0.6) ? rng.pick(['incomplete', 'missing']) : INSPECTION.pick(rng));
    b.visits.push(
      id, organisation.id, lawyer.id, day, employer.id, project?.id ?? null, project?.site ?? null, Math.max(workers, rng.int(5, 300)),
      check(), onSite ? check() : 'not_applicable', onSite ? check() : 'not_applicable', onSite ? check() : rng.pick(['in_order', 'not_applicable']),
      arrearsFound, rng.pick(arrearsFound ? VISIT_FINDINGS.arrears : VISIT_FINDINGS.clean), at,
    );
    if (arrearsFound) {
      const status = caseId ? 'case_opened' : this.today - day <= 60 ? 'open' : 'dismissed';
      b.warnings.push(this.newId(), id, organisation.id, employer.id, project?.id ?? null, day, workers, workers * rng.int(80, 300) * 10_000, status, caseId, at);
    }
  }
}

interface ClaimContext {
  id: string;
  workerId: string;
  workerName: string;
  claimed: number;
  confirmed: number | null;
  paid: number;
}

interface CaseContext {
  caseId: string;
  day: number;
  organisation: SeededOrganisation;
  lawyer: StaffMember | null;
  employer: EmployerRecord;
  project: ProjectRecord | null;
  consultationId: string | null;
  channel: string;
  intakeMinute: number;
  claims: ClaimContext[];
  newWorkers: ReservoirWorker[];
  staff: OrganisationStaff;
}

type Buffers = ReturnType<Loader['makeBuffers']>;

/** One chunk's rows, and what is needed to write them. */
interface Batch {
  buffers: Buffers;
  cases: CaseContext[];
  /** Organisation-year counters this chunk moved. */
  counters: Set<string>;
  pendingEmployers: { record: EmployerRecord; row: CellValue[] }[];
  /** New workers in clear, to be sealed. */
  workers: NewWorkerRow[];
  sealing: Promise<SealedBatch> | null;
}

interface NewWorkerRow {
  id: string;
  name: string;
  idNumber: string;
  mobile: string | null;
  province: string;
  at: number;
  day: number;
  region: number;
  male: boolean;
}

/** Lets pending I/O callbacks run, so the previous chunk's statements keep going while this one is generated. */
function yieldToWrites(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function isoOrNull(day: number | null | undefined): string | null {
  return day === null || day === undefined ? null : isoDay(day);
}

