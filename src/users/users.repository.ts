import { Injectable } from '@nestjs/common';
import type { UserAccounts } from '../auth/auth-ports';
import type { Locale } from '../auth/domain/locale';
import type { Role } from '../auth/domain/roles';
import type { Scope } from '../auth/domain/actor';
import { offsetOf } from '../common/http/pagination';
import type { Tx } from '../database/transactions';
import type { UserListQuery } from './dto/user.dto';
import type { LawyerProfile } from './lawyer-profile.record';
import type { User } from './user.record';

/** The columns of `users` under the record's field names (the password hash never: it is not selected unless asked for). */
const USER_COLUMNS = `u.id, u.organisation_id AS "organisationId", u.username, u.display_name AS "displayName", u.roles, u.active,
  u.password_changed_at AS "passwordChangedAt", u.created_at AS "createdAt", u.updated_at AS "updatedAt"`;

/** The columns of the user's `lawyer_profiles` row (alias p, left-joined: all null when there is none). */
const PROFILE_COLUMNS = `p.user_id AS "profileUserId", p.licence_number AS "profileLicenceNumber", p.firm AS "profileFirm",
  p.phone AS "profilePhone", p.active AS "profileActive", p.created_at AS "profileCreatedAt", p.updated_at AS "profileUpdatedAt"`;

/** A user with their lawyer profile, if any. */
const USER_WITH_PROFILE_FROM = `users u LEFT JOIN lawyer_profiles p ON p.user_id = u.id`;

/** A user's organisation lies in the scope (its path, $1, and every path below). */
const USER_IN_SCOPE = `u.organisation_id IN (SELECT id FROM organisations WHERE path LIKE $1 || '%')`;

type UserRow = Omit<User, 'lawyerProfile' | 'passwordHash'>;

interface UserWithProfileRow extends UserRow {
  profileUserId: string | null;
  profileLicenceNumber: string | null;
  profileFirm: string | null;
  profilePhone: string | null;
  profileActive: boolean | null;
  profileCreatedAt: Date | null;
  profileUpdatedAt: Date | null;
}

/** The row as a User with `lawyerProfile` loaded: null when they have none. */
function userWithProfile(row: UserWithProfileRow): User {
  const {
    profileUserId,
    profileLicenceNumber,
    profileFirm,
    profilePhone,
    profileActive,
    profileCreatedAt,
    profileUpdatedAt,
    ...user
  } = row;
  const lawyerProfile: LawyerProfile | null =
    profileUserId === null
      ? null
      : {
          userId: profileUserId,
          licenceNumber: profileLicenceNumber!,
          firm: profileFirm!,
          phone: profilePhone,
          active: profileActive!,
          createdAt: profileCreatedAt!,
          updatedAt: profileUpdatedAt!,
        };
  return { ...user, lawyerProfile };
}

/** The users and their lawyer profiles (users, lawyer_profiles), passwords included. */
@Injectable()
export class UsersRepository implements UserAccounts {
  /** A new user without a password: the caller sets one in the same transaction. */
  async insertUser(
    tx: Tx,
    user: { username: string; displayName: string; roles: Role[]; organisationId: string; active: boolean },
  ): Promise<User> {
    const [inserted]: UserRow[] = await tx.query(
      `INSERT INTO users AS u (organisation_id, username, display_name, roles, active) VALUES ($1, $2, $3, $4::text[], $5)
       RETURNING ${USER_COLUMNS}`,
      [user.organisationId, user.username, user.displayName, user.roles, user.active],
    );
    return inserted;
  }

  /** One page of the users in the scope, with their lawyer profiles, by name; and how many there are. */
  async page(tx: Tx, query: UserListQuery, scope: Scope): Promise<{ items: User[]; total: number }> {
    const conditions = [USER_IN_SCOPE];
    const params: unknown[] = [scope.path];
    if (query.role) {
      params.push(query.role);
      conditions.push(`$${params.length} = ANY (u.roles)`);
    }
    if (query.active !== undefined) {
      params.push(query.active);
      conditions.push(`u.active = $${params.length}`);
    }
    if (query.organisationId) {
      params.push(query.organisationId);
      conditions.push(
        `u.organisation_id IN (SELECT o.id FROM organisations o JOIN organisations root ON root.id = $${params.length}
                                WHERE o.path LIKE root.path || '%')`,
      );
    }
    const where = `WHERE ${conditions.join(' AND ')}`;
    const rows: UserWithProfileRow[] = await tx.query(
      `SELECT ${USER_COLUMNS}, ${PROFILE_COLUMNS} FROM ${USER_WITH_PROFILE_FROM} ${where}
        ORDER BY u.display_name ASC, u.id ASC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, offsetOf(query)],
    );
    const [{ total }]: { total: number }[] = await tx.query(`SELECT count(*)::int AS total FROM users u ${where}`, params);
    return { items: rows.map(userWithProfile), total };
  }

  /** The user with their lawyer profile, if their organisation lies in the scope. */
  async findInScope(tx: Tx, id: string, scope: Scope): Promise<User | null> {
    const [row]: UserWithProfileRow[] = await tx.query(
      `SELECT ${USER_COLUMNS}, ${PROFILE_COLUMNS} FROM ${USER_WITH_PROFILE_FROM} WHERE ${USER_IN_SCOPE} AND u.id = $2`,
      [scope.path, id],
    );
    return row ? userWithProfile(row) : null;
  }

  /** The user with their lawyer profile, whatever the scope. */
  async findWithLawyerProfile(tx: Tx, id: string): Promise<User | null> {
    const [row]: UserWithProfileRow[] = await tx.query(
      `SELECT ${USER_COLUMNS}, ${PROFILE_COLUMNS} FROM ${USER_WITH_PROFILE_FROM} WHERE u.id = $1`,
      [id],
    );
    return row ? userWithProfile(row) : null;
  }

  async updateUser(
    tx: Tx,
    id: string,
    /** roles: null leaves them as they are. */
    changes: { organisationId: string; displayName: string; active: boolean; roles: Role[] | null },
  ): Promise<void> {
    await tx.query(
      `UPDATE users SET organisation_id = $2, display_name = $3, active = $4, roles = COALESCE($5::text[], roles), updated_at = now()
        WHERE id = $1`,
      [id, changes.organisationId, changes.displayName, changes.active, changes.roles],
    );
  }

  /**
   * The ids of the active administrators, locked until the transaction ends: two administrators who
   * each take away their own admin role at once are serialised here, and the second sees the first's
   * change, so the last one cannot be lost between them.
   */
  async lockActiveAdministrators(tx: Tx): Promise<string[]> {
    const rows: { id: string }[] = await tx.query(
      `SELECT id FROM users WHERE 'admin' = ANY (roles) AND active ORDER BY id FOR UPDATE`,
    );
    return rows.map((row) => row.id);
  }

  /**
   * Creates the lawyer's profile or replaces it; a profile that is already so is left alone (its
   * updated_at too).
   */
  async saveLawyerProfile(
    tx: Tx,
    profile: { userId: string; licenceNumber: string; firm: string; phone: string | null; active: boolean },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO lawyer_profiles AS p (user_id, licence_number, firm, phone, active) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (user_id) DO UPDATE
         SET licence_number = EXCLUDED.licence_number, firm = EXCLUDED.firm, phone = EXCLUDED.phone,
             active = EXCLUDED.active, updated_at = now()
       WHERE (p.licence_number, p.firm, p.phone, p.active)
             IS DISTINCT FROM (EXCLUDED.licence_number, EXCLUDED.firm, EXCLUDED.phone, EXCLUDED.active)`,
      [profile.userId, profile.licenceNumber, profile.firm, profile.phone, profile.active],
    );
  }

  /** Whether the user's scope (their organisation and those below it) includes the organisation. */
  async seesOrganisation(tx: Tx, userId: string, organisationId: string): Promise<boolean> {
    const [row] = await tx.query(
      `SELECT target.path LIKE own.path || '%' AS sees
         FROM users u JOIN organisations own ON own.id = u.organisation_id, organisations target
        WHERE u.id = $1 AND target.id = $2`,
      [userId, organisationId],
    );
    return row?.sees === true;
  }

  /** Stores a new password hash (auth checks the policy and hashes it). */
  async setPasswordHash(tx: Tx, userId: string, passwordHash: string, changedAt: Date, changeRequired: boolean): Promise<void> {
    await tx.query(
      `UPDATE users SET password_hash = $2, password_changed_at = $3, updated_at = $3, password_change_required = $4 WHERE id = $1`,
      [userId, passwordHash, changedAt, changeRequired],
    );
  }

  /** How many users there are: none means a first start. */
  async count(tx: Tx): Promise<number> {
    const [{ users }]: { users: number }[] = await tx.query(`SELECT count(*)::int AS users FROM users`);
    return users;
  }

  async setLocale(tx: Tx, userId: string, locale: Locale): Promise<void> {
    await tx.query(`UPDATE users SET locale = $2 WHERE id = $1`, [userId, locale]);
  }
}
