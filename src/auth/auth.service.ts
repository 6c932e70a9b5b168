import { Inject, Injectable } from '@nestjs/common';
import { Algorithm, hash, verify } from '@node-rs/argon2';
import { DataSource, EntityManager } from 'typeorm';
import type { AuditAction } from '../audit/dto/audit-query.dto';
import type { Locale } from './domain/locale';
import { AppError } from '../common/errors/app-error';
import { Clock } from '../common/time/clock';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { Role } from './domain/roles';
import { Actor } from './domain/actor';
import {
  ACCOUNT_POLICY,
  ADDRESS_POLICY,
  ThrottleDecision,
  ThrottlePolicy,
  ThrottleState,
  checkThrottle,
  recordFailure,
} from './domain/login-throttle';
import { passwordProblem } from './domain/password-policy';
import { newToken, tokenHash } from './tokens';

/** OWASP's argon2id baseline: 19 MiB, two passes, one lane. */
const ARGON2_OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export interface AuthenticatedUser extends Actor {
  sessionId: string;
  username: string;
  displayName: string;
  locale: Locale;
  /** The password was set by someone else: the pages ask for a new one before anything else. */
  passwordChangeRequired: boolean;
}


export interface TokenPair {
  accessToken: string;
  accessExpiresAt: Date;
  refreshToken: string;
  refreshExpiresAt: Date;
}

export interface ClientInfo {
  address: string | null;
  userAgent: string | null;
}

type LoginOutcome =
  | { kind: 'throttled'; decision: ThrottleDecision }
  | { kind: 'failed'; userId: string | null }
  | { kind: 'disabled' }
  | { kind: 'ok'; tokens: TokenPair; user: AuthenticatedUser };

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  active: boolean;
  organisation_id: string;
  path: string;
  password_hash: string | null;
  locale: Locale;
  password_change_required: boolean;
}

@Injectable()
export class AuthService {
  /** Checked when a username does not exist, so a wrong username takes as long as a wrong password. */
  private readonly decoyHash: Promise<string>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.decoyHash = hash('decoy password that nobody has', ARGON2_OPTIONS);
  }

  async login(username: string, password: string, client: ClientInfo): Promise<TokenPair & { user: AuthenticatedUser }> {
    const now = this.clock.now();
    const throttles: [string, ThrottlePolicy][] = [[`account:${username.trim().toLowerCase()}`, ACCOUNT_POLICY]];
    if (client.address) throttles.push([`address:${client.address}`, ADDRESS_POLICY]);

    // Check, verify and count in one transaction that holds a lock per throttle key: parallel guesses
    // are counted one after another instead of all reading the same count.
    const outcome = await this.dataSource.transaction(async (manager): Promise<LoginOutcome> => {
      for (const key of throttles.map(([k]) => k).sort()) {
        await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [key]);
      }
      const states = await this.loadThrottles(manager, throttles.map(([key]) => key));
      for (const [key, policy] of throttles) {
        const decision = checkThrottle(states.get(key) ?? null, policy, now);
        if (!decision.allowed) return { kind: 'throttled', decision };
      }
      const user = await this.findUser(manager, `lower(u.username) = lower($1)`, username.trim());
      const passwordMatches = user?.password_hash
        ? await verify(user.password_hash, password)
        : (await verify(await this.decoyHash, password), false);
      if (!user || !passwordMatches) {
        for (const [key, policy] of throttles) {
          await this.saveThrottle(manager, key, recordFailure(states.get(key) ?? null, policy, now));
        }
        return { kind: 'failed', userId: user?.id ?? null };
      }
      if (!user.active) return { kind: 'disabled' };
      await manager.query(`DELETE FROM login_throttles WHERE key = $1`, [throttles[0][0]]);
      const tokens = this.newTokens(now);
      const [{ id: sessionId }] = await manager.query(
        `INSERT INTO sessions (user_id, access_token_hash, access_expires_at, refresh_token_hash, refresh_expires_at,
                               client_address, user_agent, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          user.id,
          tokenHash(tokens.accessToken),
          tokens.accessExpiresAt,
          tokenHash(tokens.refreshToken),
          tokens.refreshExpiresAt,
          client.address,
          client.userAgent?.slice(0, 300) ?? null,
          now,
        ],
      );
      return { kind: 'ok', tokens, user: toAuthenticated(user, sessionId) };
    });

    switch (outcome.kind) {
      case 'throttled': {
        const { retryAfterSeconds: seconds, locked } = outcome.decision as { retryAfterSeconds: number; locked: boolean };
        throw locked
          ? new AppError('ACCOUNT_LOCKED', { minutes: Math.ceil(seconds / 60), seconds })
          : new AppError('LOGIN_THROTTLED', { seconds });
      }
      case 'failed':
        await this.audit(null, client, 'login_failed', 'users', outcome.userId, { username: username.trim() });
        throw new AppError('LOGIN_FAILED');
      case 'disabled':
        throw new AppError('ACCOUNT_DISABLED');
      case 'ok':
        await this.audit(outcome.user.id, client, 'login', 'users', outcome.user.id, { sessionId: outcome.user.sessionId });
        return { ...outcome.tokens, user: outcome.user };
    }
  }

  /** The user behind an access token, or 401 with the reason. One indexed lookup per request. */
  async authenticate(accessToken: string): Promise<AuthenticatedUser> {
    const [row]: (UserRow & { session_id: string; access_expires_at: Date; revoked_at: Date | null })[] =
      await this.dataSource.query(
        `SELECT s.id AS session_id, s.access_expires_at, s.revoked_at,
                u.id, u.username, u.display_name, u.role, u.active, u.organisation_id, o.path, NULL AS password_hash,
                u.locale, u.password_change_required
           FROM sessions s JOIN users u ON u.id = s.user_id JOIN organisations o ON o.id = u.organisation_id
          WHERE s.access_token_hash = $1`,
        [tokenHash(accessToken)],
      );
    if (!row || row.revoked_at || !row.active) throw new AppError('UNAUTHENTICATED', { reason: 'invalid_token' });
    if (new Date(row.access_expires_at) <= this.clock.now()) {
      throw new AppError('UNAUTHENTICATED', { reason: 'expired_token' });
    }
    return toAuthenticated(row, row.session_id);
  }

  /**
   * A new token pair for a valid refresh token; the old pair stops working. A refresh token that was
   * already used is a sign it was copied: the whole session is ended, the thief's and the owner's.
   */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const now = this.clock.now();
    const presented = tokenHash(refreshToken);
    const outcome = await this.dataSource.transaction(async (manager): Promise<TokenPair | 'reused' | 'invalid'> => {
      const [session]: { id: string; refresh_expires_at: Date; revoked_at: Date | null; active: boolean }[] =
        await manager.query(
          `SELECT s.id, s.refresh_expires_at, s.revoked_at, u.active
             FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.refresh_token_hash = $1 FOR UPDATE OF s`,
          [presented],
        );
      if (!session) {
        const revoked = await manager.query(
          `UPDATE sessions SET revoked_at = $2, revoked_reason = 'refresh token reused'
            WHERE used_refresh_token_hashes @> ARRAY[$1::text] AND revoked_at IS NULL RETURNING id`,
          [presented, now],
        );
        return revoked.length > 0 ? 'reused' : 'invalid';
      }
      if (session.revoked_at || !session.active || new Date(session.refresh_expires_at) <= now) return 'invalid';
      const tokens = this.newTokens(now);
      await manager.query(
        `UPDATE sessions SET access_token_hash = $2, access_expires_at = $3, refresh_token_hash = $4,
                             refresh_expires_at = $5, used_refresh_token_hashes = used_refresh_token_hashes || $6::text
          WHERE id = $1`,
        [
          session.id,
          tokenHash(tokens.accessToken),
          tokens.accessExpiresAt,
          tokenHash(tokens.refreshToken),
          tokens.refreshExpiresAt,
          presented,
        ],
      );
      return tokens;
    });
    // Thrown after the commit, so that ending a session whose token was reused is not rolled back.
    if (typeof outcome === 'string') throw new AppError('UNAUTHENTICATED', { reason: 'invalid_refresh_token' });
    return outcome;
  }

  async logout(user: AuthenticatedUser, client: ClientInfo): Promise<void> {
    await this.dataSource.query(`UPDATE sessions SET revoked_at = $2, revoked_reason = 'logout' WHERE id = $1`, [
      user.sessionId,
      this.clock.now(),
    ]);
    await this.audit(user.id, client, 'logout', 'users', user.id, { sessionId: user.sessionId });
  }

  async changePassword(user: AuthenticatedUser, currentPassword: string, newPassword: string): Promise<void> {
    const row = await this.findUser(this.dataSource.manager, `u.id = $1`, user.id);
    if (!row?.password_hash || !(await verify(row.password_hash, currentPassword))) {
      throw AppError.invalidField('currentPassword', 'WRONG_PASSWORD');
    }
    await this.dataSource.transaction((manager) =>
      this.setPassword(manager, { id: row.id, username: row.username, displayName: row.display_name }, newPassword, 'password changed', 'the_user'),
    );
  }

  /**
   * Checks the policy, stores the argon2id hash and ends every session of the user: after a password
   * change (or an administrator's reset), old tokens must not work anywhere. A password someone else
   * set (`setBy: 'someone_else'`) must be replaced by the user at the next login.
   */
  async setPassword(
    manager: EntityManager,
    user: { id: string; username: string; displayName: string },
    password: string,
    reason: string,
    setBy: 'the_user' | 'someone_else',
    field = 'newPassword',
  ): Promise<void> {
    const problem = passwordProblem(password, [user.username, user.displayName]);
    if (problem) throw AppError.invalidField(field, problem);
    const now = this.clock.now();
    await manager.query(
      `UPDATE users SET password_hash = $2, password_changed_at = $3, updated_at = $3, password_change_required = $4 WHERE id = $1`,
      [user.id, await hash(password, ARGON2_OPTIONS), now, setBy === 'someone_else'],
    );
    await this.revokeSessions(manager, user.id, reason);
  }

  /** The user's own choice of language, for every browser they log in on. */
  async setLocale(user: AuthenticatedUser, locale: Locale): Promise<void> {
    await this.dataSource.query(`UPDATE users SET locale = $2 WHERE id = $1`, [user.id, locale]);
  }

  async revokeSessions(manager: EntityManager, userId: string, reason: string): Promise<void> {
    await manager.query(
      `UPDATE sessions SET revoked_at = $2, revoked_reason = $3 WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId, this.clock.now(), reason],
    );
  }

  /** Security events that change no business row (logins, reveals) go into the same audit log. */
  async audit(
    actorId: string | null,
    client: ClientInfo,
    action: AuditAction,
    entityType: string,
    entityId: string | null,
    after: Record<string, unknown>,
  ): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO audit_log (occurred_at, actor_id, client_address, action, entity_type, entity_id, after)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [this.clock.now(), actorId, client.address, action, entityType, entityId, after],
    );
  }

  private newTokens(now: Date): TokenPair {
    return {
      accessToken: newToken(),
      accessExpiresAt: new Date(now.getTime() + this.config.accessTokenMinutes * 60_000),
      refreshToken: newToken(),
      refreshExpiresAt: new Date(now.getTime() + this.config.refreshTokenHours * 3_600_000),
    };
  }

  private async findUser(manager: EntityManager, condition: string, value: string): Promise<UserRow | undefined> {
    const [row] = await manager.query(
      `SELECT u.id, u.username, u.display_name, u.role, u.active, u.organisation_id, o.path, u.password_hash,
              u.locale, u.password_change_required
         FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE ${condition}`,
      [value],
    );
    return row;
  }

  private async loadThrottles(manager: EntityManager, keys: string[]): Promise<Map<string, ThrottleState>> {
    const rows: { key: string; failures: number; last_failure_at: Date; locked_until: Date | null }[] =
      await manager.query(`SELECT * FROM login_throttles WHERE key = ANY($1::text[])`, [keys]);
    return new Map(
      rows.map((row) => [
        row.key,
        {
          failures: row.failures,
          lastFailureAt: new Date(row.last_failure_at),
          lockedUntil: row.locked_until ? new Date(row.locked_until) : null,
        },
      ]),
    );
  }

  private async saveThrottle(manager: EntityManager, key: string, state: ThrottleState): Promise<void> {
    await manager.query(
      `INSERT INTO login_throttles (key, failures, last_failure_at, locked_until) VALUES ($1, $2, $3, $4)
       ON CONFLICT (key) DO UPDATE SET failures = $2, last_failure_at = $3, locked_until = $4`,
      [key, state.failures, state.lastFailureAt, state.lockedUntil],
    );
  }
}

function toAuthenticated(row: UserRow, sessionId: string): AuthenticatedUser {
  return {
    id: row.id,
    role: row.role,
    scope: { organisationId: row.organisation_id, path: row.path },
    sessionId,
    username: row.username,
    displayName: row.display_name,
    locale: row.locale,
    passwordChangeRequired: row.password_change_required,
  };
}
