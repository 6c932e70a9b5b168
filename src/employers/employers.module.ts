import { Module } from '@nestjs/common';
import { EmployersController } from './employers.controller';
import { EmployersRepository } from './employers.repository';
import { EmployersService } from './employers.service';

@Module({
  controllers: [EmployersController],
  providers: [EmployersRepository, EmployersService],
  exports: [EmployersService],
})
export class EmployersModule {}
