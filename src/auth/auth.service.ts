import { Inject, Injectable } from '@nestjs/common';
import { Algorithm, hash, verify } from '@node-rs/argon2';
import { SecurityAction, SecurityLog, UserAccounts } from './auth-ports';
import type { Locale } from './domain/locale';
import { AppError } from '../common/errors/app-error';
import { Clock } from '../common/time/clock';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Transactions, Tx } from '../database/transactions';
import { AuthRepository, UserRow } from './auth.repository';
import { Actor } from './domain/actor';
import {
  ACCOUNT_POLICY,
  ADDRESS_POLICY,
  ThrottleDecision,
  ThrottlePolicy,
  checkThrottle,
  longestWait,
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
  | { kind: 'throttled'; decision: Extract<ThrottleDecision, { allowed: false }>; throttle: 'account' | 'address' }
  | { kind: 'failed'; userId: string | null }
  | { kind: 'disabled' }
  | { kind: 'ok'; tokens: TokenPair; user: AuthenticatedUser };

@Injectable()
export class AuthService {
  /** Checked when a username does not exist, so a wrong username takes as long as a wrong password. */
  private readonly decoyHash: Promise<string>;

  constructor(
    private readonly auditLog: SecurityLog,
    private readonly repository: AuthRepository,
    private readonly users: UserAccounts,
    private readonly transactions: Transactions,
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
    const outcome = await this.transactions.run(async (tx): Promise<LoginOutcome> => {
      for (const key of throttles.map(([k]) => k).sort()) {
        await this.repository.lockThrottleKey(tx, key);
      }
      const states = await this.repository.loadThrottles(tx, throttles.map(([key]) => key));
      const decisions = throttles.map(([key, policy]) => checkThrottle(states.get(key) ?? null, policy, now));
      const decision = longestWait(decisions);
      // the answer names the throttle whose wait it is (longestWait answers that decision itself)
      if (!decision.allowed) {
        const [key] = throttles[decisions.indexOf(decision)];
        return { kind: 'throttled', decision, throttle: key.startsWith('address:') ? 'address' : 'account' };
      }
      const user = await this.repository.userByUsername(tx, username.trim());
      const passwordMatches = user?.password_hash
        ? await verify(user.password_hash, password)
        : (await verify(await this.decoyHash, password), false);
      if (!user || !passwordMatches) {
        for (const [key, policy] of throttles) {
          await this.repository.saveThrottle(tx, key, recordFailure(states.get(key) ?? null, policy, now));
        }
        return { kind: 'failed', userId: user?.id ?? null };
      }
      if (!user.active) return { kind: 'disabled' };
      await this.repository.deleteThrottle(tx, throttles[0][0]);
      const tokens = this.newTokens(now);
      const sessionId = await this.repository.insertSession(tx, {
        userId: user.id,
        accessTokenHash: tokenHash(tokens.accessToken),
        accessExpiresAt: tokens.accessExpiresAt,
        refreshTokenHash: tokenHash(tokens.refreshToken),
        refreshExpiresAt: tokens.refreshExpiresAt,
        clientAddress: client.address,
        userAgent: client.userAgent?.slice(0, 300) ?? null,
        createdAt: now,
      });
      return { kind: 'ok', tokens, user: toAuthenticated(user, sessionId) };
    });

    switch (outcome.kind) {
      case 'throttled': {
        // Retry-After is `seconds` (http-error.filter.ts); a lock is told in whole minutes, rounded up, and
        // names what is locked: an account (an administrator can help) or the address, for everyone behind it
        const { retryAfterSeconds: seconds, locked } = outcome.decision;
        if (!locked) throw new AppError('LOGIN_THROTTLED', { seconds });
        const params = { minutes: Math.ceil(seconds / 60), seconds };
        throw new AppError(outcome.throttle === 'address' ? 'ADDRESS_LOCKED' : 'ACCOUNT_LOCKED', params);
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
    const row = await this.repository.sessionByAccessToken(this.transactions.none, tokenHash(accessToken));
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
    const outcome = await this.transactions.run(async (tx): Promise<TokenPair | 'reused' | 'invalid'> => {
      const session = await this.repository.lockSessionByRefreshToken(tx, presented);
      if (!session) {
        // Not a current refresh token of any session: one that a session already used was copied.
        const reused = await this.repository.revokeSessionThatUsed(tx, presented, now);
        return reused ? 'reused' : 'invalid';
      }
      if (session.revoked_at || !session.active || new Date(session.refresh_expires_at) <= now) return 'invalid';
      const tokens = this.newTokens(now);
      await this.repository.rotateTokens(
        tx,
        session.id,
        {
          accessTokenHash: tokenHash(tokens.accessToken),
          accessExpiresAt: tokens.accessExpiresAt,
          refreshTokenHash: tokenHash(tokens.refreshToken),
          refreshExpiresAt: tokens.refreshExpiresAt,
        },
        presented,
      );
      return tokens;
    });
    // Thrown after the commit, so that ending a session whose token was reused is not rolled back.
    if (typeof outcome === 'string') throw new AppError('UNAUTHENTICATED', { reason: 'invalid_refresh_token' });
    return outcome;
  }

  async logout(user: AuthenticatedUser, client: ClientInfo): Promise<void> {
    await this.repository.revokeSession(this.transactions.none, user.sessionId, this.clock.now(), 'logout');
    await this.audit(user.id, client, 'logout', 'users', user.id, { sessionId: user.sessionId });
  }

  async changePassword(user: AuthenticatedUser, currentPassword: string, newPassword: string): Promise<void> {
    const row = await this.repository.userById(this.transactions.none, user.id);
    if (!row?.password_hash || !(await verify(row.password_hash, currentPassword))) {
      throw AppError.invalidField('currentPassword', 'WRONG_PASSWORD');
    }
    await this.transactions.run((tx) =>
      this.setPassword(tx, { id: row.id, username: row.username, displayName: row.display_name }, newPassword, 'password changed', 'the_user'),
    );
  }

  /**
   * Checks the policy, stores the argon2id hash and ends every session of the user: after a password
   * change (or an administrator's reset), old tokens must not work anywhere. A password someone else
   * set (`setBy: 'someone_else'`) must be replaced by the user at the next login.
   */
  async setPassword(
    tx: Tx,
    user: { id: string; username: string; displayName: string },
    password: string,
    reason: string,
    setBy: 'the_user' | 'someone_else',
    field = 'newPassword',
  ): Promise<void> {
    const problem = await passwordProblem(password, [user.username, user.displayName]);
    if (problem) throw AppError.invalidField(field, problem);
    const now = this.clock.now();
    await this.users.setPasswordHash(tx, user.id, await hash(password, ARGON2_OPTIONS), now, setBy === 'someone_else');
    await this.revokeSessions(tx, user.id, reason);
  }

  /** The user's own choice of language, for every browser they log in on. */
  async setLocale(user: AuthenticatedUser, locale: Locale): Promise<void> {
    await this.users.setLocale(this.transactions.none, user.id, locale);
  }

  async revokeSessions(tx: Tx, userId: string, reason: string): Promise<void> {
    await this.repository.revokeUserSessions(tx, userId, this.clock.now(), reason);
  }

  /** Security events that change no business row (logins, reveals) go into the same audit log. */
  async audit(
    actorId: string | null,
    client: ClientInfo,
    action: SecurityAction,
    entityType: string,
    entityId: string | null,
    after: Record<string, unknown>,
  ): Promise<void> {
    await this.auditLog.insertEvent(this.transactions.none, {
      occurredAt: this.clock.now(),
      actorId,
      clientAddress: client.address,
      action,
      entityType,
      entityId,
      after,
    });
  }

  private newTokens(now: Date): TokenPair {
    return {
      accessToken: newToken(),
      accessExpiresAt: new Date(now.getTime() + this.config.accessTokenMinutes * 60_000),
      refreshToken: newToken(),
      refreshExpiresAt: new Date(now.getTime() + this.config.refreshTokenHours * 3_600_000),
    };
  }
}

function toAuthenticated(row: UserRow, sessionId: string): AuthenticatedUser {
  return {
    id: row.id,
    roles: row.roles,
    scope: { organisationId: row.organisation_id, path: row.path },
    sessionId,
    username: row.username,
    displayName: row.display_name,
    locale: row.locale,
    passwordChangeRequired: row.password_change_required,
  };
}
