import { AsyncLocalStorage } from 'node:async_hooks';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import { Clock } from './clock';
import { shanghaiDate } from './shanghai';

/**
 * The service's clock, made available to the code that runs for a request but cannot be injected
 * into: class-validator's decorators (an id number's birth date may not be after today). Tests move
 * the service's clock, and the validation moves with it.
 */
const requestClock = new AsyncLocalStorage<Clock>();

/**
 * The day last worked out, and the second it holds for: a roster's 700 id numbers each ask (their
 * birth dates may not be after today), and Intl's time-zone formatting cost a tenth of reading one.
 * Keyed by the whole second, as every time-zone offset is whole seconds, so the day is never stale.
 */
let lastDay: { second: number; day: string } | null = null;

/** Today in Shanghai by the service's clock; only inside a request (validation, handlers). */
export function todayOfRequest(): string {
  const clock = requestClock.getStore();
  if (!clock) throw new Error('todayOfRequest() outside a request: no clock to read');
  const now = clock.now();
  const second = Math.floor(now.getTime() / 1000);
  if (lastDay?.second !== second) lastDay = { second, day: shanghaiDate(now) };
  return lastDay.day;
}

/** Runs each request (its pipes and handler) with the service's clock at hand. */
@Injectable()
export class RequestClockInterceptor implements NestInterceptor {
  constructor(private readonly clock: Clock) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return new Observable((subscriber) => requestClock.run(this.clock, () => next.handle().subscribe(subscriber)));
  }
}
