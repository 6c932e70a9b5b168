import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

/** The audit trail: searched here, written by the triggers and (security events) by auth. */
@Module({ controllers: [AuditController], providers: [AuditRepository, AuditService], exports: [AuditRepository] })
export class AuditModule {}
