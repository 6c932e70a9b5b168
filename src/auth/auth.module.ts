import { Global, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { RequestContextInterceptor } from './request-context';

/** Login, sessions and the access decision for every request. Global: every feature is behind it. */
@Global()
@Module({
  // The security log and the users' accounts (auth-ports.ts) come from audit and users, globally.
  imports: [DiscoveryModule],
  controllers: [AuthController],
  providers: [
    AuthRepository,
    AuthService,
    { provide: APP_GUARD, useClass: AuthGuard },
    // Order matters: the request context wraps everything after it, idempotency included.
    { provide: APP_INTERCEPTOR, useClass: RequestContextInterceptor },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
  exports: [AuthService],
})
export class AuthModule {}
