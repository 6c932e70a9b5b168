import { MigrationInterface, QueryRunner } from 'typeorm';
import { auditTable } from './support/audit-triggers';

/**
 * The on-duty lawyers' desk: the duty roster (值班), consultations, outreach visits (送法进企业) with
 * the early warnings they raise, and the employers each lawyer has acted for (conflict checks).
 */
export class AddLawyersDesk1764400000000 implements MigrationInterface {
  name = 'AddLawyersDesk1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE duty_shifts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        lawyer_id uuid NOT NULL REFERENCES users (id),
        day date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        -- a lawyer is on duty at one service center a day at most
        CONSTRAINT duty_shifts_lawyer_day_key UNIQUE (lawyer_id, day)
      )`);
    await queryRunner.query(`CREATE INDEX duty_shifts_organisation_day_idx ON duty_shifts (organisation_id, day)`);

    await queryRunner.query(`
      CREATE TABLE consultations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        lawyer_id uuid NOT NULL REFERENCES users (id),
        consulted_at timestamptz NOT NULL,
        channel text NOT NULL CHECK (channel IN ('walk_in', 'hotline_12351', 'phone', 'online', 'outreach_visit')),
        topic text NOT NULL CHECK (topic IN ('unpaid_wages', 'unpaid_labour_fees', 'no_written_contract', 'work_injury',
                                             'social_insurance', 'dismissal', 'other')),
        -- the worker may stay anonymous
        worker_name text,
        worker_id uuid REFERENCES workers (id),
        employer_id uuid REFERENCES employers (id),
        employer_name text,
        advice text NOT NULL,
        duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 1 AND 600),
        follow_up_needed boolean NOT NULL DEFAULT false,
        case_id uuid REFERENCES cases (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX consultations_lawyer_idx ON consultations (lawyer_id, consulted_at)`);
    await queryRunner.query(`CREATE INDEX consultations_organisation_idx ON consultations (organisation_id, consulted_at)`);
    await queryRunner.query(`ALTER TABLE cases ADD COLUMN consultation_id uuid REFERENCES consultations (id)`);

    await queryRunner.query(`
      CREATE TABLE outreach_visits (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        lawyer_id uuid NOT NULL REFERENCES users (id),
        visited_on date NOT NULL,
        employer_id uuid NOT NULL REFERENCES employers (id),
        project_id uuid REFERENCES projects (id),
        site text,
        workers_reached integer NOT NULL CHECK (workers_reached >= 0),
        wage_sheets text NOT NULL CHECK (wage_sheets IN ('in_order', 'incomplete', 'missing')),
        dedicated_wage_account text NOT NULL CHECK (dedicated_wage_account IN ('in_order', 'incomplete', 'missing', 'not_applicable')),
        guarantee_deposit text NOT NULL CHECK (guarantee_deposit IN ('in_order', 'incomplete', 'missing', 'not_applicable')),
        real_name_records text NOT NULL CHECK (real_name_records IN ('in_order', 'incomplete', 'missing', 'not_applicable')),
        arrears_found boolean NOT NULL,
        findings text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX outreach_visits_organisation_idx ON outreach_visits (organisation_id, visited_on)`);
    await queryRunner.query(`
      CREATE TABLE early_warnings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        visit_id uuid NOT NULL CONSTRAINT early_warnings_visit_key UNIQUE REFERENCES outreach_visits (id),
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        employer_id uuid NOT NULL REFERENCES employers (id),
        project_id uuid REFERENCES projects (id),
        raised_on date NOT NULL,
        estimated_workers integer CHECK (estimated_workers >= 0),
        estimated_fen bigint CHECK (estimated_fen >= 0),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'case_opened', 'dismissed')),
        case_id uuid REFERENCES cases (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX early_warnings_open_idx ON early_warnings (organisation_id) WHERE status = 'open'`);

    await queryRunner.query(`
      CREATE TABLE lawyer_engagements (
        lawyer_id uuid NOT NULL REFERENCES users (id),
        employer_id uuid NOT NULL REFERENCES employers (id),
        note text,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT lawyer_engagements_pkey PRIMARY KEY (lawyer_id, employer_id)
      )`);

    for (const [table, key] of [
      ['consultations', 'id'],
      ['duty_shifts', 'id'],
      ['early_warnings', 'id'],
      ['lawyer_engagements', 'lawyer_id'],
      ['outreach_visits', 'id'],
    ]) {
      await auditTable(queryRunner, table, key);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE cases DROP COLUMN consultation_id`);
    await queryRunner.query(`DROP TABLE lawyer_engagements, early_warnings, outreach_visits, consultations, duty_shifts`);
  }
}
