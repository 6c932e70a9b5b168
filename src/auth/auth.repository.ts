import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/transactions';
import type { Locale } from './domain/locale';
import type { ThrottleState } from './domain/login-throttle';
import type { Role } from './domain/roles';

/** A user as login and authentication see them, with their organisation's path (their scope). */
export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  roles: Role[];
  active: boolean;
  organisation_id: string;
  path: string;
  password_hash: string | null;
  locale: Locale;
  password_change_required: boolean;
}

export interface NewSession {
  userId: string;
  accessTokenHash: string;
  accessExpiresAt: Date;
  refreshTokenHash: string;
  refreshExpiresAt: Date;
  clientAddress: string | null;
  userAgent: string | null;
  createdAt: Date;
}

export interface StoredIdempotentRequest {
  request_hash: string;
  /** null while the first request is still running. */
  status_code: number | null;
  response: unknown;
}

/**
 * Auth's tables: sessions (only hashes of the tokens), login_throttles and idempotency_keys; and the
 * reads of users and organisations that login and every authenticated request need.
 */
@Injectable()
export class AuthRepository {
  async userByUsername(tx: Tx, username: string): Promise<UserRow | undefined> {
    const [row] = await tx.query(
      `SELECT u.id, u.username, u.display_name, u.roles, u.active, u.organisation_id, o.path, u.password_hash,
              u.locale, u.password_change_required
         FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE lower(u.username) = lower($1)`,
      [username],
    );
    return row;
  }

  async userById(tx: Tx, userId: string): Promise<UserRow | undefined> {
    const [row] = await tx.query(
      `SELECT u.id, u.username, u.display_name, u.roles, u.active, u.organisation_id, o.path, u.password_hash,
              u.locale, u.password_change_required
         FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.id = $1`,
      [userId],
    );
    return row;
  }


  /** Holds a lock per throttle key until the transaction ends. */
  async lockThrottleKey(tx: Tx, key: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [key]);
  }

  async loadThrottles(tx: Tx, keys: string[]): Promise<Map<string, ThrottleState>> {
    const rows: { key: string; failures: number; last_failure_at: Date; locked_until: Date | null }[] = await tx.query(
      `SELECT * FROM login_throttles WHERE key = ANY($1::text[])`,
      [keys],
    );
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

  async saveThrottle(tx: Tx, key: string, state: ThrottleState): Promise<void> {
    await tx.query(
      `INSERT INTO login_throttles (key, failures, last_failure_at, locked_until) VALUES ($1, $2, $3, $4)
       ON CONFLICT (key) DO UPDATE SET failures = $2, last_failure_at = $3, locked_until = $4`,
      [key, state.failures, state.lastFailureAt, state.lockedUntil],
    );
  }

  async deleteThrottle(tx: Tx, key: string): Promise<void> {
    await tx.query(`DELETE FROM login_throttles WHERE key = $1`, [key]);
  }


  /** Returns the new session's id. */
  async insertSession(tx: Tx, session: NewSession): Promise<string> {
    const [{ id }] = await tx.query(
      `INSERT INTO sessions (user_id, access_token_hash, access_expires_at, refresh_token_hash, refresh_expires_at,
                             client_address, user_agent, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        session.userId,
        session.accessTokenHash,
        session.accessExpiresAt,
        session.refreshTokenHash,
        session.refreshExpiresAt,
        session.clientAddress,
        session.userAgent,
        session.createdAt,
      ],
    );
    return id;
  }

  /** The session of an access token with its user; one indexed lookup. */
  async sessionByAccessToken(
    tx: Tx,
    accessTokenHash: string,
  ): Promise<(UserRow & { session_id: string; access_expires_at: Date; revoked_at: Date | null }) | undefined> {
    const [row] = await tx.query(
      `SELECT s.id AS session_id, s.access_expires_at, s.revoked_at,
              u.id, u.username, u.display_name, u.roles, u.active, u.organisation_id, o.path, NULL AS password_hash,
              u.locale, u.password_change_required
         FROM sessions s JOIN users u ON u.id = s.user_id JOIN organisations o ON o.id = u.organisation_id
        WHERE s.access_token_hash = $1`,
      [accessTokenHash],
    );
    return row;
  }

  /** The session of a refresh token, locked until the transaction ends, with whether its user is active. */
  async lockSessionByRefreshToken(
    tx: Tx,
    refreshTokenHash: string,
  ): Promise<{ id: string; refresh_expires_at: Date; revoked_at: Date | null; active: boolean } | undefined> {
    const [session] = await tx.query(
      `SELECT s.id, s.refresh_expires_at, s.revoked_at, u.active
         FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.refresh_token_hash = $1 FOR UPDATE OF s`,
      [refreshTokenHash],
    );
    return session;
  }

  /** Ends the open session that already used this refresh token; whether there was one. */
  async revokeSessionThatUsed(tx: Tx, refreshTokenHash: string, at: Date): Promise<boolean> {
    const revoked = await tx.query(
      `UPDATE sessions SET revoked_at = $2, revoked_reason = 'refresh token reused'
        WHERE used_refresh_token_hashes @> ARRAY[$1::text] AND revoked_at IS NULL RETURNING id`,
      [refreshTokenHash, at],
    );
    return revoked.length > 0;
  }

  /** Gives the session a new token pair and remembers the refresh token it used. */
  async rotateTokens(
    tx: Tx,
    sessionId: string,
    tokens: { accessTokenHash: string; accessExpiresAt: Date; refreshTokenHash: string; refreshExpiresAt: Date },
    usedRefreshTokenHash: string,
  ): Promise<void> {
    await tx.query(
      `UPDATE sessions SET access_token_hash = $2, access_expires_at = $3, refresh_token_hash = $4,
                           refresh_expires_at = $5, used_refresh_token_hashes = used_refresh_token_hashes || $6::text
        WHERE id = $1`,
      [
        sessionId,
        tokens.accessTokenHash,
        tokens.accessExpiresAt,
        tokens.refreshTokenHash,
        tokens.refreshExpiresAt,
        usedRefreshTokenHash,
      ],
    );
  }

  async revokeSession(tx: Tx, sessionId: string, at: Date, reason: string): Promise<void> {
    await tx.query(`UPDATE sessions SET revoked_at = $2, revoked_reason = $3 WHERE id = $1`, [sessionId, at, reason]);
  }

  async revokeUserSessions(tx: Tx, userId: string, at: Date, reason: string): Promise<void> {
    await tx.query(`UPDATE sessions SET revoked_at = $2, revoked_reason = $3 WHERE user_id = $1 AND revoked_at IS NULL`, [
      userId,
      at,
      reason,
    ]);
  }


  /** Claims the key for this request; false if the user already has it. */
  async claimIdempotencyKey(tx: Tx, userId: string, key: string, requestHash: string): Promise<boolean> {
    const claimed = await tx.query(
      `INSERT INTO idempotency_keys (user_id, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, key) DO NOTHING RETURNING key`,
      [userId, key, requestHash],
    );
    return claimed.length > 0;
  }

  async idempotentRequest(tx: Tx, userId: string, key: string): Promise<StoredIdempotentRequest | undefined> {
    const [existing] = await tx.query(
      `SELECT request_hash, status_code, response FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
      [userId, key],
    );
    return existing;
  }

  /** Keeps the answer for replays; `response` is JSON text. */
  async keepIdempotentResponse(tx: Tx, userId: string, key: string, statusCode: number, response: string): Promise<void> {
    await tx.query(`UPDATE idempotency_keys SET status_code = $3, response = $4 WHERE user_id = $1 AND key = $2`, [
      userId,
      key,
      statusCode,
      response,
    ]);
  }

  /** Releases a key whose request failed, so the corrected request can use it. */
  async releaseIdempotencyKey(tx: Tx, userId: string, key: string): Promise<void> {
    await tx.query(`DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND status_code IS NULL`, [userId, key]);
  }
}
