import { Module } from '@nestjs/common';
import { PersonalDataKeyCheck } from './personal-data-key-check';
import { WorkersController } from './workers.controller';
import { WorkersRepository } from './workers.repository';
import { WorkersService } from './workers.service';

@Module({
  controllers: [WorkersController],
  providers: [WorkersRepository, WorkersService, PersonalDataKeyCheck],
  exports: [WorkersService],
})
export class WorkersModule {}
