import { Global, Module } from '@nestjs/common';
import { UserAccounts } from '../auth/auth-ports';
import { OrganisationsModule } from '../organisations/organisations.module';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [OrganisationsModule],
  controllers: [UsersController],
  providers: [UsersRepository, UsersService],
  exports: [UsersRepository, UsersService],
})
export class UsersModule {}

/** The users' passwords and preferences, as auth declares it needs them (UserAccounts). */
@Global()
@Module({
  imports: [UsersModule],
  providers: [{ provide: UserAccounts, useExisting: UsersRepository }],
  exports: [UserAccounts],
})
export class UserAccountsModule {}
