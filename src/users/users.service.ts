import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { AppError } from '../common/errors/app-error';
import { Page, offsetOf } from '../common/http/pagination';
import { OrganisationsService } from '../organisations/organisations.service';
import { CreateUserDto, LawyerProfileDto, UpdateUserDto, UserListQuery } from './dto/user.dto';
import { LawyerProfile } from './lawyer-profile.entity';
import { Role, User } from './user.entity';

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly organisations: OrganisationsService,
    private readonly dataSource: DataSource,
  ) {}

  async create(input: CreateUserDto): Promise<User> {
    await this.organisations.findOrFieldError(input.organisationId, 'organisationId');
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
      if (input.lawyerProfile) await this.saveLawyerProfile(manager, user.id, input.lawyerProfile);
      return user.id;
    });
    return this.get(id);
  }

  async list(query: UserListQuery): Promise<Page<User>> {
    const builder = this.users
      .createQueryBuilder('user')
      .leftJoinAndSelect('user.lawyerProfile', 'lawyerProfile')
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

  async get(id: string): Promise<User> {
    const user = await this.users.findOne({ where: { id }, relations: { lawyerProfile: true } });
    if (!user) throw new AppError('USER_NOT_FOUND');
    return user;
  }

  async update(id: string, input: UpdateUserDto): Promise<User> {
    const user = await this.get(id);
    if (input.organisationId !== undefined) {
      await this.organisations.findOrFieldError(input.organisationId, 'organisationId');
      user.organisationId = input.organisationId;
    }
    if (input.displayName !== undefined) user.displayName = input.displayName.trim();
    if (input.active !== undefined) user.active = input.active;
    await this.users.save({ id: user.id, organisationId: user.organisationId, displayName: user.displayName, active: user.active });
    return this.get(id);
  }

  async setLawyerProfile(id: string, input: LawyerProfileDto): Promise<User> {
    const user = await this.get(id);
    if (user.role !== 'lawyer') throw AppError.invalidField('role', 'WRONG_ROLE', { role: 'lawyer' });
    await this.saveLawyerProfile(this.dataSource.manager, id, input);
    return this.get(id);
  }

  /**
   * Checks that `userId` names an active user of the given role, for assigning a case; the problem is
   * reported against `field` so the form can show it next to the right input.
   */
  async assertAssignable(manager: EntityManager, userId: string, role: Role, field: string): Promise<void> {
    const user = await manager.getRepository(User).findOne({ where: { id: userId }, relations: { lawyerProfile: true } });
    if (!user) throw AppError.invalidField(field, 'NOT_FOUND');
    if (user.role !== role) throw AppError.invalidField(field, 'WRONG_ROLE', { role });
    if (!user.active || (role === 'lawyer' && user.lawyerProfile?.active === false)) {
      throw AppError.invalidField(field, 'USER_INACTIVE');
    }
  }

  async assertExists(manager: EntityManager, userId: string): Promise<void> {
    if (!(await manager.getRepository(User).existsBy({ id: userId }))) {
      throw AppError.invalidField('X-User-Id', 'NOT_FOUND');
    }
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
