import { Injectable } from '@nestjs/common';
import { AuthService } from '../auth/auth.service';
import { Actor, Scope } from '../auth/domain/actor';
import { AppError } from '../common/errors/app-error';
import { Page } from '../common/http/pagination';
import { Transactions, Tx } from '../database/transactions';
import { OrganisationsService } from '../organisations/organisations.service';
import { CreateUserDto, LawyerProfileDto, UpdateUserDto, UserListQuery } from './dto/user.dto';
import type { Role } from '../auth/domain/roles';
import type { User } from './user.record';
import { UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly organisations: OrganisationsService,
    private readonly auth: AuthService,
    private readonly transactions: Transactions,
  ) {}

  async create(input: CreateUserDto, actor: Actor): Promise<User> {
    await this.organisations.findInScopeOrFieldError(input.organisationId, actor.scope, 'organisationId');
    if (input.role === 'lawyer' && !input.lawyerProfile) throw AppError.invalidField('lawyerProfile', 'REQUIRED');
    if (input.role !== 'lawyer' && input.lawyerProfile) {
      throw AppError.invalidField('lawyerProfile', 'WRONG_ROLE', { role: 'lawyer' });
    }
    const id = await this.transactions.run(async (tx) => {
      const user = await this.users.insertUser(tx, {
        username: input.username,
        displayName: input.displayName.trim(),
        role: input.role,
        organisationId: input.organisationId,
        active: true,
      });
      await this.auth.setPassword(tx, { ...user, displayName: user.displayName }, input.password, 'created', 'someone_else', 'password');
      if (input.lawyerProfile) await this.saveLawyerProfile(tx, user.id, input.lawyerProfile);
      return user.id;
    });
    return this.get(id, actor.scope);
  }

  async list(query: UserListQuery, scope: Scope): Promise<Page<User>> {
    const { items, total } = await this.users.page(this.transactions.none, query, scope);
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async get(id: string, scope: Scope): Promise<User> {
    const user = await this.users.findInScope(this.transactions.none, id, scope);
    if (!user) throw new AppError('USER_NOT_FOUND');
    return user;
  }

  /** Renames, moves or deactivates; a deactivated user's sessions end at once. */
  async update(id: string, input: UpdateUserDto, actor: Actor): Promise<User> {
    const user = await this.get(id, actor.scope);
    if (input.organisationId !== undefined) {
      await this.organisations.findInScopeOrFieldError(input.organisationId, actor.scope, 'organisationId');
    }
    await this.transactions.run(async (tx) => {
      await this.users.updateUser(tx, id, {
        organisationId: input.organisationId ?? user.organisationId,
        displayName: input.displayName?.trim() ?? user.displayName,
        active: input.active ?? user.active,
      });
      if (input.active === false) await this.auth.revokeSessions(tx, id, 'deactivated');
    });
    return this.get(id, actor.scope);
  }

  async resetPassword(id: string, password: string, actor: Actor): Promise<void> {
    const user = await this.get(id, actor.scope);
    await this.transactions.run((tx) =>
      this.auth.setPassword(tx, user, password, 'password reset by an administrator', 'someone_else', 'password'),
    );
  }

  async setLawyerProfile(id: string, input: LawyerProfileDto, scope: Scope): Promise<User> {
    const user = await this.get(id, scope);
    if (user.role !== 'lawyer') throw AppError.invalidField('role', 'WRONG_ROLE', { role: 'lawyer' });
    await this.transactions.run((tx) => this.saveLawyerProfile(tx, id, input));
    return this.get(id, scope);
  }

  /**
   * Checks that `userId` names an active user of the given role who can see the case (their
   * organisation is the case's or one above it), for assigning a case; the problem is reported
   * against `field` so the form can show it next to the right input.
   */
  async assertAssignable(
    tx: Tx,
    userId: string,
    role: Role,
    field: string,
    caseOrganisationId: string | undefined,
  ): Promise<void> {
    const user = await this.users.findWithLawyerProfile(tx, userId);
    if (!user) throw AppError.invalidField(field, 'NOT_FOUND');
    if (user.role !== role) throw AppError.invalidField(field, 'WRONG_ROLE', { role });
    if (!user.active || (role === 'lawyer' && user.lawyerProfile?.active === false)) {
      throw AppError.invalidField(field, 'USER_INACTIVE');
    }
    if (caseOrganisationId && !(await this.seesOrganisation(tx, userId, caseOrganisationId))) {
      throw AppError.invalidField(field, 'CANNOT_SEE_CASE');
    }
  }

  /** Whether the user's scope (their organisation and those below it) includes the organisation. */
  seesOrganisation(tx: Tx, userId: string, organisationId: string): Promise<boolean> {
    return this.users.seesOrganisation(tx, userId, organisationId);
  }

  private async saveLawyerProfile(tx: Tx, userId: string, input: LawyerProfileDto): Promise<void> {
    await this.users.saveLawyerProfile(tx, {
      userId,
      licenceNumber: input.licenceNumber.trim(),
      firm: input.firm.trim(),
      phone: input.phone ?? null,
      active: input.active ?? true,
    });
  }
}
