import { MigrationInterface, QueryRunner } from 'typeorm';
import { auditTable } from './support/audit-triggers';

/**
 * Mediation: rooms, sessions with their attendance, the workers' elected representatives, and the
 * agreement with its payment schedule. How much of each instalment has been paid is not stored: it
 * is matched from the payout ledger when asked (src/mediation/domain/instalments.ts).
 */
export class AddMediation1764200000000 implements MigrationInterface {
  name = 'AddMediation1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE mediation_rooms (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT mediation_rooms_name_key UNIQUE (organisation_id, name)
      )`);

    await queryRunner.query(`
      CREATE TABLE mediation_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases (id),
        mediator_id uuid NOT NULL REFERENCES users (id),
        room_id uuid REFERENCES mediation_rooms (id),
        place text,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'held', 'cancelled')),
        outcome text CHECK (outcome IN ('agreement', 'no_agreement', 'adjourned')),
        adjourned_to date,
        notes text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT mediation_sessions_time_order CHECK (ends_at > starts_at),
        CONSTRAINT mediation_sessions_outcome_when_held CHECK ((status = 'held') = (outcome IS NOT NULL)),
        CONSTRAINT mediation_sessions_adjourned_date CHECK ((outcome = 'adjourned') = (adjourned_to IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX mediation_sessions_case_idx ON mediation_sessions (case_id, starts_at)`);
    await queryRunner.query(`CREATE INDEX mediation_sessions_mediator_idx ON mediation_sessions (mediator_id, starts_at)`);
    await queryRunner.query(`CREATE INDEX mediation_sessions_room_idx ON mediation_sessions (room_id, starts_at)`);

    await queryRunner.query(`
      CREATE TABLE session_attendance (
        session_id uuid NOT NULL REFERENCES mediation_sessions (id),
        party text NOT NULL CHECK (party IN ('worker_representative', 'worker', 'employer', 'lawyer', 'other')),
        name text NOT NULL,
        worker_id uuid REFERENCES workers (id),
        employer_id uuid REFERENCES employers (id),
        present boolean NOT NULL,
        CONSTRAINT session_attendance_pkey PRIMARY KEY (session_id, party, name)
      )`);

    await queryRunner.query(`
      CREATE TABLE case_representatives (
        case_id uuid NOT NULL REFERENCES cases (id),
        worker_id uuid NOT NULL REFERENCES workers (id),
        elected_on date NOT NULL,
        CONSTRAINT case_representatives_pkey PRIMARY KEY (case_id, worker_id)
      )`);

    await queryRunner.query(`
      CREATE TABLE agreements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL CONSTRAINT agreements_case_key UNIQUE REFERENCES cases (id),
        signed_on date NOT NULL,
        total_fen bigint NOT NULL CHECK (total_fen > 0),
        schedule text NOT NULL CHECK (schedule IN ('total', 'per_worker')),
        terms text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE instalments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agreement_id uuid NOT NULL REFERENCES agreements (id),
        claim_id uuid REFERENCES claims (id),
        due_on date NOT NULL,
        amount_fen bigint NOT NULL CHECK (amount_fen > 0)
      )`);
    await queryRunner.query(`CREATE INDEX instalments_agreement_idx ON instalments (agreement_id, due_on)`);
    await queryRunner.query(`CREATE INDEX instalments_due_idx ON instalments (due_on)`);

    for (const [table, key] of [
      ['agreements', 'id'],
      ['case_representatives', 'case_id'],
      ['instalments', 'id'],
      ['mediation_rooms', 'id'],
      ['mediation_sessions', 'id'],
      ['session_attendance', 'session_id'],
    ]) {
      await auditTable(queryRunner, table, key);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP TABLE instalments, agreements, case_representatives, session_attendance, mediation_sessions, mediation_rooms`,
    );
  }
}
