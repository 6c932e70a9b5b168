import { Injectable } from '@nestjs/common';
import { AuthService } from '../auth/auth.service';
import { Actor, Scope } from '../auth/domain/actor';
import { AppError, FieldProblem } from '../common/errors/app-error';
import { Page } from '../common/http/pagination';
import { Transactions, Tx } from '../database/transactions';
import { OrganisationsService } from '../organisations/organisations.service';
import { CreateUserDto, LawyerProfileDto, UpdateUserDto, UserListQuery } from './dto/user.dto';
import { inRoleOrder, roleListProblems, type Role } from '../auth/domain/roles';
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
    const roles = checkedRoles(input.roles, false, input.lawyerProfile !== undefined);
    const id = await this.transactions.run(async (tx) => {
      const user = await this.users.insertUser(tx, {
        username: input.username,
        displayName: input.displayName.trim(),
        roles,
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

  /**
   * Renames, moves, deactivates or changes the roles (the whole list); a deactivated user's sessions end
   * at once. A change of roles takes effect at the user's next request (each request reads them), and
   * the audit trail keeps the roles before and after, as for any change of a user. The last active
   * administrator can neither lose the admin role nor be deactivated: nobody could manage users then.
   */
  async update(id: string, input: UpdateUserDto, actor: Actor): Promise<User> {
    const user = await this.get(id, actor.scope);
    if (input.organisationId !== undefined) {
      await this.organisations.findInScopeOrFieldError(input.organisationId, actor.scope, 'organisationId');
    }
    const roles = input.roles === undefined ? user.roles : checkedRoles(input.roles, !!user.lawyerProfile, input.lawyerProfile !== undefined);
    if (input.roles === undefined && input.lawyerProfile !== undefined && !roles.includes('lawyer')) {
      throw AppError.invalidField('lawyerProfile', 'WRONG_ROLE', { role: 'lawyer' });
    }
    const active = input.active ?? user.active;
    await this.transactions.run(async (tx) => {
      if (user.roles.includes('admin') && !(active && roles.includes('admin'))) {
        // read again under the lock: the user as loaded above may have changed since
        const admins = await this.users.lockActiveAdministrators(tx);
        if (admins.length === 1 && admins[0] === id) {
          throw AppError.invalidField(roles.includes('admin') ? 'active' : 'roles', 'LAST_ADMIN');
        }
      }
      await this.users.updateUser(tx, id, {
        organisationId: input.organisationId ?? user.organisationId,
        displayName: input.displayName?.trim() ?? user.displayName,
        active,
        // only when asked: a rename at the same time as a change of roles does not put the old roles back
        roles: input.roles === undefined ? null : roles,
      });
      if (input.lawyerProfile) await this.saveLawyerProfile(tx, id, input.lawyerProfile);
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
    if (!user.roles.includes('lawyer')) throw AppError.invalidField('roles', 'WRONG_ROLE', { role: 'lawyer' });
    await this.transactions.run((tx) => this.saveLawyerProfile(tx, id, input));
    return this.get(id, scope);
  }

  /**
   * Checks that `userId` names an active user holding the given role (among others, perhaps) who can see the case (their
   * organisation is the case's or one above it), for assigning a case; the problem is reported
   * against `field` so the form can show it next to the right input. Returns the user.
   */
  async assertAssignable(
    tx: Tx,
    userId: string,
    role: Role,
    field: string,
    caseOrganisationId: string | undefined,
  ): Promise<User> {
    const user = await this.users.findWithLawyerProfile(tx, userId);
    if (!user) throw AppError.invalidField(field, 'NOT_FOUND');
    if (!user.roles.includes(role)) throw AppError.invalidField(field, 'WRONG_ROLE', { role });
    if (!user.active || (role === 'lawyer' && user.lawyerProfile?.active === false)) {
      throw AppError.invalidField(field, 'USER_INACTIVE');
    }
    if (caseOrganisationId && !(await this.seesOrganisation(tx, userId, caseOrganisationId))) {
      throw AppError.invalidField(field, 'CANNOT_SEE_CASE');
    }
    return user;
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

/**
 * The roles as the client sent them, checked and in the order of ROLES; with the lawyer profile's
 * rule: one is needed when the roles include lawyer (the user's own, or one sent with them), and one
 * sent for a user who will not be a lawyer is refused, so it is not stored by mistake.
 */
function checkedRoles(requested: readonly unknown[], hasLawyerProfile: boolean, sendsLawyerProfile: boolean): Role[] {
  const problems: FieldProblem[] = roleListProblems(requested);
  const lawyer = requested.includes('lawyer');
  if (lawyer && !hasLawyerProfile && !sendsLawyerProfile) problems.push({ field: 'lawyerProfile', code: 'REQUIRED' });
  if (!lawyer && sendsLawyerProfile) problems.push({ field: 'lawyerProfile', code: 'WRONG_ROLE', params: { role: 'lawyer' } });
  if (problems.length > 0) throw AppError.invalid(problems);
  return inRoleOrder(requested as Role[]);
}
