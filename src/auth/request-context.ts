import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { RequestContext, requestContext } from '../database/audit-context.subscriber';
import type { AuthenticatedUser } from './auth.service';


/**
 * Runs each request's handler inside its context (who is acting, from where), so every transaction it
 * opens tells the audit triggers (database/audit-context.subscriber.ts).
 */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthenticatedUser }>();
    const store: RequestContext = { actorId: request.user?.id ?? null, clientAddress: request.ip ?? null };
    return new Observable((subscriber) => requestContext.run(store, () => next.handle().subscribe(subscriber)));
  }
}
