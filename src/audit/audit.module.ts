import { Module } from '@nestjs/common';
import { AuditController, AuditService } from './audit.controller';

@Module({ controllers: [AuditController], providers: [AuditService] })
export class AuditModule {}
