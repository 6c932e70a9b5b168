import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The core schema: organisations, people, employers and projects, cases with their claims,
 * payouts and timeline. Enumerations are text with CHECK constraints (easy to extend in a later
 * migration, readable in plain SQL). Money is bigint fen. Constraint names are stable because the
 * API maps them to error codes (src/database/database-errors.ts).
 */
export class CreateCoreSchema1764000000000 implements MigrationInterface {
  name = 'CreateCoreSchema1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        parent_id uuid REFERENCES organisations (id),
        code text NOT NULL CONSTRAINT organisations_code_key UNIQUE CHECK (code ~ '^[A-Z0-9]{2,8}$'),
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('city_federation', 'district_federation', 'industry_union', 'service_center')),
        district text,
        -- '/<root id>/…/<own id>/': the organisation subtree (a user's scope) is one prefix match
        path text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX organisations_path_idx ON organisations (path text_pattern_ops)`);
    await queryRunner.query(`CREATE INDEX organisations_parent_idx ON organisations (parent_id)`);

    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        username text NOT NULL,
        display_name text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'leader', 'lawyer', 'mediator', 'intake_clerk')),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX users_username_key ON users (lower(username))`);
    await queryRunner.query(`CREATE INDEX users_organisation_idx ON users (organisation_id, role)`);

    await queryRunner.query(`
      CREATE TABLE lawyer_profiles (
        user_id uuid PRIMARY KEY REFERENCES users (id),
        licence_number text NOT NULL CONSTRAINT lawyer_profiles_licence_number_key UNIQUE
          CHECK (licence_number ~ '^[0-9]{17}$'),
        firm text NOT NULL,
        phone text,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await queryRunner.query(`
      CREATE TABLE employers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        credit_code text CONSTRAINT employers_credit_code_key UNIQUE,
        kind text NOT NULL CHECK (kind IN ('company', 'project_owner', 'general_contractor', 'subcontractor',
                                           'labour_subcontractor', 'individual_contractor')),
        district text,
        industry text CHECK (industry IN ('construction', 'landscaping', 'manufacturing', 'catering', 'logistics',
                                          'property_services', 'retail', 'domestic_services', 'other')),
        legal_representative text,
        contact_name text,
        contact_phone text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- a labour-gang head (包工头) is a person and has no credit code; every organisation has one
        CONSTRAINT employers_credit_code_required CHECK (credit_code IS NOT NULL OR kind = 'individual_contractor')
      )`);
    await queryRunner.query(`CREATE INDEX employers_name_idx ON employers (name)`);

    await queryRunner.query(`
      CREATE TABLE projects (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        site text,
        owner_id uuid REFERENCES employers (id),
        general_contractor_id uuid REFERENCES employers (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE project_subcontracts (
        project_id uuid NOT NULL REFERENCES projects (id),
        employer_id uuid NOT NULL REFERENCES employers (id),
        -- the party one level up the chain that let this contract (general contractor or another subcontractor)
        contracted_by_id uuid REFERENCES employers (id),
        role text NOT NULL CHECK (role IN ('subcontractor', 'labour_subcontractor', 'individual_contractor')),
        position integer NOT NULL,
        PRIMARY KEY (project_id, employer_id)
      )`);

    await queryRunner.query(`
      CREATE TABLE workers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        id_number text NOT NULL CONSTRAINT workers_id_number_key UNIQUE,
        mobile text,
        home_province text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX workers_name_idx ON workers (name)`);

    await queryRunner.query(`
      CREATE TABLE case_number_counters (
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        year integer NOT NULL,
        last_number integer NOT NULL,
        PRIMARY KEY (organisation_id, year)
      )`);

    await queryRunner.query(`
      CREATE TABLE cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        case_number text NOT NULL CONSTRAINT cases_case_number_key UNIQUE,
        intake_channel text NOT NULL CHECK (intake_channel IN ('walk_in', 'hotline_12351', 'outreach_visit',
                                                               'labour_bureau_referral', 'online')),
        intake_date date NOT NULL,
        project_id uuid REFERENCES projects (id),
        lawyer_id uuid REFERENCES users (id),
        mediator_id uuid REFERENCES users (id),
        status text NOT NULL DEFAULT 'received'
          CHECK (status IN ('received', 'verifying', 'mediating', 'agreed', 'paying', 'closed',
                            'arbitration', 'litigation', 'referred', 'withdrawn', 'rejected')),
        outcome text CHECK (outcome IN ('paid_in_full', 'partly_paid')),
        status_reason text,
        referred_to text,
        summary text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        CONSTRAINT cases_outcome_only_when_closed CHECK ((status = 'closed') = (outcome IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX cases_organisation_status_idx ON cases (organisation_id, status)`);
    await queryRunner.query(`CREATE INDEX cases_intake_date_idx ON cases (intake_date)`);
    await queryRunner.query(`CREATE INDEX cases_lawyer_idx ON cases (lawyer_id) WHERE lawyer_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX cases_mediator_idx ON cases (mediator_id) WHERE mediator_id IS NOT NULL`);

    await queryRunner.query(`
      CREATE TABLE case_employers (
        case_id uuid NOT NULL REFERENCES cases (id),
        employer_id uuid NOT NULL REFERENCES employers (id),
        role text NOT NULL CHECK (role IN ('employer', 'project_owner', 'general_contractor', 'subcontractor',
                                           'labour_subcontractor', 'individual_contractor')),
        CONSTRAINT case_employers_pkey PRIMARY KEY (case_id, employer_id)
      )`);
    await queryRunner.query(`CREATE INDEX case_employers_employer_idx ON case_employers (employer_id)`);

    await queryRunner.query(`
      CREATE TABLE case_evidence (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases (id),
        kind text NOT NULL CHECK (kind IN ('contract', 'attendance', 'wage_sheet', 'iou', 'chat_records',
                                           'witness', 'bank_records', 'other')),
        description text NOT NULL,
        received_on date,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX case_evidence_case_idx ON case_evidence (case_id)`);

    await queryRunner.query(`
      CREATE TABLE claims (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases (id),
        worker_id uuid NOT NULL REFERENCES workers (id),
        kind text NOT NULL CHECK (kind IN ('wages', 'labour_fees', 'other')),
        period_start date,
        period_end date,
        claimed_fen bigint NOT NULL CHECK (claimed_fen >= 0),
        confirmed_fen bigint CHECK (confirmed_fen >= 0),
        note text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT claims_case_worker_key UNIQUE (case_id, worker_id),
        CONSTRAINT claims_period_order CHECK (period_end IS NULL OR period_start IS NULL OR period_end >= period_start)
      )`);
    await queryRunner.query(`CREATE INDEX claims_worker_idx ON claims (worker_id)`);

    await queryRunner.query(`
      CREATE TABLE payouts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases (id),
        claim_id uuid NOT NULL REFERENCES claims (id),
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        paid_on date NOT NULL,
        payer_kind text NOT NULL CHECK (payer_kind IN ('employer', 'general_contractor', 'project_owner',
                                                       'guarantee_deposit', 'emergency_fund', 'court_enforcement')),
        channel text NOT NULL CHECK (channel IN ('bank_transfer', 'dedicated_wage_account', 'cash_with_signature')),
        receipt_reference text,
        -- payouts recorded together in one bulk request share a batch id
        batch_id uuid,
        recorded_by_id uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX payouts_claim_idx ON payouts (claim_id)`);
    await queryRunner.query(`CREATE INDEX payouts_case_idx ON payouts (case_id, paid_on)`);

    await queryRunner.query(`
      CREATE TABLE case_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases (id),
        kind text NOT NULL,
        from_status text,
        to_status text,
        data jsonb NOT NULL DEFAULT '{}'::jsonb,
        actor_id uuid REFERENCES users (id),
        occurred_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX case_events_case_idx ON case_events (case_id, id)`);

    // The timeline and the payout ledger are records of what happened: nothing rewrites them.
    // A mistaken payout is corrected by a later entry, never by editing history.
    await queryRunner.query(`
      CREATE FUNCTION refuse_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'P0001';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER case_events_append_only BEFORE UPDATE OR DELETE ON case_events
      FOR EACH ROW EXECUTE FUNCTION refuse_rewrite()`);
    await queryRunner.query(`
      CREATE TRIGGER payouts_append_only BEFORE UPDATE OR DELETE ON payouts
      FOR EACH ROW EXECUTE FUNCTION refuse_rewrite()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'case_events',
      'payouts',
      'claims',
      'case_evidence',
      'case_employers',
      'cases',
      'case_number_counters',
      'workers',
      'project_subcontracts',
      'projects',
      'employers',
      'lawyer_profiles',
      'users',
      'organisations',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query(`DROP FUNCTION refuse_rewrite()`);
  }
}
