import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { AuthService } from '../auth/auth.service';
import { Actor, Scope } from '../auth/domain/actor';
import { AppError } from '../common/errors/app-error';
import { Page, offsetOf } from '../common/http/pagination';
import { OrganisationsService } from '../organisations/organisations.service';
import { CreateUserDto, LawyerProfileDto, UpdateUserDto, UserListQuery } from './dto/user.dto';
import { LawyerProfile } from './lawyer-profile.entity';
import type { Role } from '../auth/domain/roles';
import { User } from './user.entity';

const USER_IN_SCOPE = `user.organisation_id IN (SELECT id FROM organisations WHERE path LIKE :scopePath || '%')`;

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly organisations: OrganisationsService,
    private readonly auth: AuthService,
    private readonly dataSource: DataSource,
  ) {}

  async create(input: CreateUserDto, actor: Actor): Promise<User> {
    await this.organisations.findInScopeOrFieldError(input.organisationId, actor.scope, 'organisationId');
    if (input.role === 'lawyer' && !input.lawyerProfile) throw AppError.invalidField('lawyerProfile', 'REQUIRED');
    if (input.role !== 'lawyer' && input.lawyerProfile) {
      throw AppError.invalidField('lawyerProfile', 'WRONG_ROLE', { role: 'lawyer' });
    }
    const id = await this.dataSource.transaction(async (manager) => {
      const user = await manager.getRepository(User).save(
        manager.getRepository(User).create({
          username: input.username,
          displayName: input.displayName.trim(),
          role: input.role,
          organisationId: input.organisationId,
          active: true,
        }),
      );
      await this.auth.setPassword(manager, { ...user, displayName: user.displayName }, input.password, 'created', 'someone_else', 'password');
      if (input.lawyerProfile) await this.saveLawyerProfile(manager, user.id, input.lawyerProfile);
      return user.id;
    });
    return this.get(id, actor.scope);
  }

  async list(query: UserListQuery, scope: Scope): Promise<Page<User>> {
    const builder = this.users
      .createQueryBuilder('user')
      .leftJoinAndSelect('user.lawyerProfile', 'lawyerProfile')
      .where(USER_IN_SCOPE, { scopePath: scope.path })
      .orderBy('user.displayName', 'ASC')
      .addOrderBy('user.id', 'ASC')
      .skip(offsetOf(query))
      .take(query.pageSize);
    if (query.role) builder.andWhere('user.role = :role', { role: query.role });
    if (query.active !== undefined) builder.andWhere('user.active = :active', { active: query.active });
    if (query.organisationId) {
      builder.andWhere(
        `user.organisation_id IN (SELECT o.id FROM organisations o JOIN organisations root ON root.id = :org
                                   WHERE o.path LIKE root.path || '%')`,
        { org: query.organisationId },
      );
    }
    const [items, total] = await builder.getManyAndCount();
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async get(id: string, scope: Scope): Promise<User> {
    const user = await this.users
      .createQueryBuilder('user')
      .leftJoinAndSelect('user.lawyerProfile', 'lawyerProfile')
      .where('user.id = :id', { id })
      .andWhere(USER_IN_SCOPE, { scopePath: scope.path })
      .getOne();
    if (!user) throw new AppError('USER_NOT_FOUND');
    return user;
  }

  /** Renames, moves or deactivates; a deactivated user's sessions end at once. */
  async update(id: string, input: UpdateUserDto, actor: Actor): Promise<User> {
    const user = await this.get(id, actor.scope);
    if (input.organisationId !== undefined) {
      await this.organisations.findInScopeOrFieldError(input.organisationId, actor.scope, 'organisationId');
    }
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(User).update(id, {
        organisationId: input.organisationId ?? user.organisationId,
        displayName: input.displayName?.trim() ?? user.displayName,
        active: input.active ?? user.active,
      });
      if (input.active === false) await this.auth.revokeSessions(manager, id, 'deactivated');
    });
    return this.get(id, actor.scope);
  }

  async resetPassword(id: string, password: string, actor: Actor): Promise<void> {
    const user = await this.get(id, actor.scope);
    await this.dataSource.transaction((manager) =>
      this.auth.setPassword(manager, user, password, 'password reset by an administrator', 'someone_else', 'password'),
    );
  }

  async setLawyerProfile(id: string, input: LawyerProfileDto, scope: Scope): Promise<User> {
    const user = await this.get(id, scope);
    if (user.role !== 'lawyer') throw AppError.invalidField('role', 'WRONG_ROLE', { role: 'lawyer' });
    await this.dataSource.transaction((manager) => this.saveLawyerProfile(manager, id, input));
    return this.get(id, scope);
  }

  /**
   * Checks that `userId` names an active user of the given role who can see the case (their
   * organisation is the case's or one above it), for assigning a case; the problem is reported
   * against `field` so the form can show it next to the right input.
   */
  async assertAssignable(
    manager: EntityManager,
    userId: string,
    role: Role,
    field: string,
    caseOrganisationId: string | undefined,
  ): Promise<void> {
    const user = await manager.getRepository(User).findOne({ where: { id: userId }, relations: { lawyerProfile: true } });
    if (!user) throw AppError.invalidField(field, 'NOT_FOUND');
    if (user.role !== role) throw AppError.invalidField(field, 'WRONG_ROLE', { role });
    if (!user.active || (role === 'lawyer' && user.lawyerProfile?.active === false)) {
      throw AppError.invalidField(field, 'USER_INACTIVE');
    }
    if (caseOrganisationId && !(await this.seesOrganisation(manager, userId, caseOrganisationId))) {
      throw AppError.invalidField(field, 'CANNOT_SEE_CASE');
    }
  }

  /** Whether the user's scope (their organisation and those below it) includes the organisation. */
  async seesOrganisation(manager: EntityManager, userId: string, organisationId: string): Promise<boolean> {
    const [row] = await manager.query(
      `SELECT target.path LIKE own.path || '%' AS sees
         FROM users u JOIN organisations own ON own.id = u.organisation_id, organisations target
        WHERE u.id = $1 AND target.id = $2`,
      [userId, organisationId],
    );
    return row?.sees === true;
  }

  private async saveLawyerProfile(manager: EntityManager, userId: string, input: LawyerProfileDto): Promise<void> {
    await manager.getRepository(LawyerProfile).save({
      userId,
      licenceNumber: input.licenceNumber.trim(),
      firm: input.firm.trim(),
      phone: input.phone ?? null,
      active: input.active ?? true,
    });
  }
}
