import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganisationsModule } from '../organisations/organisations.module';
import { LawyerProfile } from './lawyer-profile.entity';
import { User } from './user.entity';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [OrganisationsModule, TypeOrmModule.forFeature([LawyerProfile, User])],
  controllers: [UsersController],
  providers: [UsersRepository, UsersService],
  // The repository for auth, which keeps the users' passwords and preferences.
  exports: [UsersRepository, UsersService],
})
export class UsersModule {}
