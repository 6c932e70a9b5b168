import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { likePattern } from '../common/database-helpers';
import { AppError, FieldProblem } from '../common/errors/app-error';
import { Page, offsetOf } from '../common/http/pagination';
import { Employer } from '../employers/employer.entity';
import { CreateProjectDto, ProjectListQuery } from './dto/project.dto';
import { ProjectSubcontract } from './project-subcontract.entity';
import { Project } from './project.entity';

@Injectable()
export class ProjectsService {
  constructor(
    @InjectRepository(Project) private readonly projects: Repository<Project>,
    private readonly dataSource: DataSource,
  ) {}

  async create(input: CreateProjectDto): Promise<Project> {
    const chain = input.subcontracts ?? [];
    await this.assertEmployersExist(input, chain);
    const id = await this.dataSource.transaction(async (manager) => {
      const project = await manager.getRepository(Project).save(
        manager.getRepository(Project).create({
          name: input.name.trim(),
          site: input.site?.trim() || null,
          ownerId: input.ownerId ?? null,
          generalContractorId: input.generalContractorId ?? null,
        }),
      );
      await manager.getRepository(ProjectSubcontract).insert(
        chain.map((link, index) => ({
          projectId: project.id,
          employerId: link.employerId,
          role: link.role,
          contractedById: link.contractedById ?? null,
          position: index + 1,
        })),
      );
      return project.id;
    });
    return this.get(id);
  }

  async list(query: ProjectListQuery): Promise<Page<Project>> {
    const builder = this.projects
      .createQueryBuilder('project')
      .leftJoinAndSelect('project.subcontracts', 'subcontract')
      .orderBy('project.created_at', 'DESC')
      .addOrderBy('project.id', 'ASC')
      .addOrderBy('subcontract.position', 'ASC')
      .skip(offsetOf(query))
      .take(query.pageSize);
    if (query.q?.trim()) builder.andWhere('project.name ILIKE :pattern', { pattern: likePattern(query.q) });
    if (query.employerId) {
      builder.andWhere(
        `(project.owner_id = :employer OR project.general_contractor_id = :employer OR EXISTS (
           SELECT 1 FROM project_subcontracts s WHERE s.project_id = project.id AND s.employer_id = :employer))`,
        { employer: query.employerId },
      );
    }
    const [items, total] = await builder.getManyAndCount();
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async get(id: string): Promise<Project> {
    const project = await this.projects.findOne({
      where: { id },
      relations: { subcontracts: true },
      order: { subcontracts: { position: 'ASC' } },
    });
    if (!project) throw new AppError('PROJECT_NOT_FOUND');
    return project;
  }

  private async assertEmployersExist(input: CreateProjectDto, chain: CreateProjectDto['subcontracts'] & object) {
    const references: [string, string | undefined][] = [
      ['ownerId', input.ownerId],
      ['generalContractorId', input.generalContractorId],
      ...chain.flatMap((link, i): [string, string | undefined][] => [
        [`subcontracts.${i}.employerId`, link.employerId],
        [`subcontracts.${i}.contractedById`, link.contractedById],
      ]),
    ];
    const ids = [...new Set(references.map(([, id]) => id).filter((id): id is string => !!id))];
    const found = new Set(
      (await this.dataSource.getRepository(Employer).find({ where: { id: In(ids) }, select: { id: true } })).map(
        (e) => e.id,
      ),
    );
    const problems: FieldProblem[] = references
      .filter(([, id]) => id && !found.has(id))
      .map(([field]) => ({ field, code: 'NOT_FOUND' }));
    const seen = new Map<string, number>();
    chain.forEach((link, i) => {
      const first = seen.get(link.employerId);
      if (first !== undefined) {
        problems.push({ field: `subcontracts.${i}.employerId`, code: 'DUPLICATE_IN_REQUEST', params: { other: first + 1 } });
      } else seen.set(link.employerId, i);
    });
    if (problems.length > 0) throw AppError.invalid(problems);
  }
}
