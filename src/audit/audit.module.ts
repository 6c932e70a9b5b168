import { Global, Module } from '@nestjs/common';
import { SecurityLog } from '../auth/auth-ports';
import { AuditController } from './audit.controller';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

/**
 * The audit trail: searched here, written by the triggers and (security events) by auth, through the
 * SecurityLog it declares and this module provides. Global, because auth sits below it.
 */
@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditRepository, AuditService, { provide: SecurityLog, useExisting: AuditRepository }],
  exports: [SecurityLog],
})
export class AuditModule {}
