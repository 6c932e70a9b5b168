import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { CallbacksModule } from './callbacks/callbacks.module';
import { CampaignModule } from './campaign/campaign.module';
import { CaseFilesModule } from './case-files/case-files.module';
import { CaseAccessModule, CasesModule } from './cases/cases.module';
import { ClaimsModule } from './claims/claims.module';
import { HttpErrorFilter } from './http-error.filter';
import { createValidationPipe } from './common/http/validation';
import { Clock } from './common/time/clock';
import { RequestClockInterceptor } from './common/time/request-clock';
import { DataSource } from 'typeorm';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseHandle } from './database/open-database';
import { runMigrationsOnStart, typeOrmModuleOptions } from './database/typeorm-options';
import { DeskModule } from './desk/desk.module';
import { EmployersModule } from './employers/employers.module';
import { HealthModule } from './health/health.module';
import { LegalClocksModule } from './legal-clocks/legal-clocks.module';
import { MediationModule } from './mediation/mediation.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { PersonalDataModule } from './personal-data/personal-data.module';
import { PayoutsModule } from './payouts/payouts.module';
import { ProjectsModule } from './projects/projects.module';
import { DatabaseModule } from './database/database.module';
import { ReportsModule } from './reports/reports.module';
import { RemindersModule } from './reminders/reminders.module';
import { UserAccountsModule, UsersModule } from './users/users.module';
import { WorkerReportsModule } from './worker-reports/worker-reports.module';
import { WorkersModule } from './workers/workers.module';

export interface AppOptions {
  config: AppConfig;
  /** Still opening, perhaps: the modules that need no database are made meanwhile (main.ts). */
  database: DatabaseHandle | Promise<DatabaseHandle>;
  /** The master key for workers' id numbers and phone numbers (personal-data-key.ts). */
  personalDataKey: Buffer;
  clock?: Clock;
}

@Module({})
export class AppModule {
  static forRoot({ config, database, personalDataKey, clock }: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, clock),
        PersonalDataModule.forRoot(personalDataKey),
        ScheduleModule.forRoot(),
        TypeOrmModule.forRootAsync({
          useFactory: async () => typeOrmModuleOptions(config, await database),
          dataSourceFactory: async (options) => {
            if (config.runMigrationsOnStart) await runMigrationsOnStart(await database);
            return new DataSource(options!).initialize();
          },
        }),
        AuditModule,
        AuthModule,
        CalendarModule,
        CallbacksModule,
        CampaignModule,
        CaseAccessModule,
        CaseFilesModule,
        CasesModule,
        ClaimsModule,
        DeskModule,
        EmployersModule,
        HealthModule,
        LegalClocksModule,
        MediationModule,
        OrganisationsModule,
        PayoutsModule,
        ProjectsModule,
        RemindersModule,
        DatabaseModule,
        ReportsModule,
        UserAccountsModule,
        UsersModule,
        WorkerReportsModule,
        WorkersModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: HttpErrorFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_INTERCEPTOR, useClass: RequestClockInterceptor },
      ],
    };
  }
}
