import { Injectable } from '@nestjs/common';
import type { UserAccounts } from '../auth/auth-ports';
import type { Locale } from '../auth/domain/locale';
import type { Role } from '../auth/domain/roles';
import type { Scope } from '../auth/domain/actor';
import { offsetOf } from '../common/http/pagination';
import type { Tx } from '../database/transactions';
import type { UserListQuery } from './dto/user.dto';
import { LawyerProfile } from './lawyer-profile.entity';
import { User } from './user.entity';

const USER_IN_SCOPE = `user.organisation_id IN (SELECT id FROM organisations WHERE path LIKE :scopePath || '%')`;

/** The users and their lawyer profiles (users, lawyer_profiles), passwords included. */
@Injectable()
export class UsersRepository implements UserAccounts {
  /** A new user without a password: the caller sets one in the same transaction. */
  insertUser(
    tx: Tx,
    user: { username: string; displayName: string; role: Role; organisationId: string; active: boolean },
  ): Promise<User> {
    const users = tx.getRepository(User);
    return users.save(users.create(user));
  }

  /** One page of the users in the scope, with their lawyer profiles, by name; and how many there are. */
  async page(tx: Tx, query: UserListQuery, scope: Scope): Promise<{ items: User[]; total: number }> {
    const builder = tx
      .getRepository(User)
      .createQueryBuilder('user')
      .leftJoinAndSelect('user.lawyerProfile', 'lawyerProfile')
      .where(USER_IN_SCOPE, { scopePath: scope.path })
      .orderBy('user.displayName', 'ASC')
      .addOrderBy('user.id', 'ASC')
      .skip(offsetOf(query))
      .take(query.pageSize);
    if (query.role) builder.andWhere('user.role = :role', { role: query.role });
    if (query.active !== undefined) builder.andWhere('user.active = :active', { active: query.active });
    if (query.organisationId) {
      builder.andWhere(
        `user.organisation_id IN (SELECT o.id FROM organisations o JOIN organisations root ON root.id = :org
                                   WHERE o.path LIKE root.path || '%')`,
        { org: query.organisationId },
      );
    }
    const [items, total] = await builder.getManyAndCount();
    return { items, total };
  }

  /** The user with their lawyer profile, if their organisation lies in the scope. */
  findInScope(tx: Tx, id: string, scope: Scope): Promise<User | null> {
    return tx
      .getRepository(User)
      .createQueryBuilder('user')
      .leftJoinAndSelect('user.lawyerProfile', 'lawyerProfile')
      .where('user.id = :id', { id })
      .andWhere(USER_IN_SCOPE, { scopePath: scope.path })
      .getOne();
  }

  /** The user with their lawyer profile, whatever the scope. */
  findWithLawyerProfile(tx: Tx, id: string): Promise<User | null> {
    return tx.getRepository(User).findOne({ where: { id }, relations: { lawyerProfile: true } });
  }

  async updateUser(tx: Tx, id: string, changes: { organisationId: string; displayName: string; active: boolean }): Promise<void> {
    await tx.getRepository(User).update(id, changes);
  }

  async saveLawyerProfile(
    tx: Tx,
    profile: { userId: string; licenceNumber: string; firm: string; phone: string | null; active: boolean },
  ): Promise<void> {
    await tx.getRepository(LawyerProfile).save(profile);
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
