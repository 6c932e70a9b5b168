import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ClaimsModule } from '../claims/claims.module';
import { UsersModule } from '../users/users.module';
import { ConflictsService } from './conflicts.service';
import { DeskController } from './desk.controller';
import { DeskRepository } from './desk.repository';
import { DeskService } from './desk.service';

@Module({
  imports: [CasesModule, ClaimsModule, UsersModule],
  controllers: [DeskController],
  providers: [ConflictsService, DeskRepository, DeskService],
})
export class DeskModule {}
