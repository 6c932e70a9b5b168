import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { Observable, catchError, from, mergeMap, of } from 'rxjs';
import { AppError } from '../common/errors/app-error';
import { Transactions } from '../database/transactions';
import { AuthRepository } from './auth.repository';
import type { AuthenticatedUser } from './auth.service';

const MAX_KEY_LENGTH = 200;

/**
 * `Idempotency-Key` on a POST that creates something (201 or 204: a case, claims, payouts, a note…):
 * the first request runs and its answer is kept; a retry with the same key and the same body gets
 * that answer again and creates nothing. The same key with another body is refused, and so is a
 * retry while the first is still running. Keys belong to the user who sent them; failed requests
 * release their key so the corrected request can use it. Actions answered with 200 (status changes,
 * reveals, logins) are not replayed: their answers may hold what must not be kept, such as a revealed
 * id number, and repeating them is either harmless or refused by the case's state.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly repository: AuthRepository,
    private readonly transactions: Transactions,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthenticatedUser }>();
    const header = request.headers['idempotency-key'];
    const key = typeof header === 'string' ? header.trim() : '';
    const status = (Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined) ?? HttpStatus.CREATED;
    if (request.method !== 'POST' || !key || !request.user || status === HttpStatus.OK) return next.handle();
    if (key.length > MAX_KEY_LENGTH) throw AppError.invalidField('Idempotency-Key', 'TOO_LONG', { max: MAX_KEY_LENGTH });

    const userId = request.user.id;
    const requestHash = createHash('sha256')
      .update(`${request.method} ${request.url}\n`)
      .update(Buffer.isBuffer(request.body) ? request.body : JSON.stringify(request.body ?? null))
      .digest('hex');

    return from(this.begin(userId, key, requestHash)).pipe(
      mergeMap((stored) => {
        if (stored) return of(stored.response);
        return next.handle().pipe(
          mergeMap(async (response: unknown) => {
            const kept = JSON.stringify(response ?? null);
            await this.repository.keepIdempotentResponse(this.transactions.none, userId, key, status, kept);
            return response;
          }),
          catchError(async (error: unknown) => {
            await this.repository.releaseIdempotencyKey(this.transactions.none, userId, key);
            throw error;
          }),
        );
      }),
    );
  }

  /** Claims the key, or returns the answer kept for it. */
  private async begin(userId: string, key: string, requestHash: string): Promise<{ response: unknown } | null> {
    if (await this.repository.claimIdempotencyKey(this.transactions.none, userId, key, requestHash)) return null;
    const existing = await this.repository.idempotentRequest(this.transactions.none, userId, key);
    if (!existing) return this.begin(userId, key, requestHash);
    if (existing.request_hash !== requestHash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    if (existing.status_code === null) throw new AppError('IDEMPOTENCY_KEY_IN_USE');
    return { response: existing.response };
  }
}
