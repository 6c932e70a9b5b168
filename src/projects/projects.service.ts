import { Injectable } from '@nestjs/common';
import { nameSearch } from '../common/database-helpers';
import { AppError, FieldProblem } from '../common/errors/app-error';
import { Page, offsetOf } from '../common/http/pagination';
import { Transactions } from '../database/transactions';
import { CreateProjectDto, ProjectListQuery } from './dto/project.dto';
import { Project } from './project.record';
import { ProjectsRepository } from './projects.repository';

@Injectable()
export class ProjectsService {
  constructor(
    private readonly repository: ProjectsRepository,
    private readonly transactions: Transactions,
  ) {}

  async create(input: CreateProjectDto): Promise<Project> {
    const chain = input.subcontracts ?? [];
    await this.assertEmployersExist(input, chain);
    const id = await this.transactions.run(async (tx) => {
      const project = await this.repository.insertProject(tx, {
        name: input.name.trim(),
        site: input.site?.trim() || null,
        ownerId: input.ownerId ?? null,
        generalContractorId: input.generalContractorId ?? null,
      });
      await this.repository.insertSubcontracts(
        tx,
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
    const { items, total } = await this.repository.page(
      this.transactions.none,
      { name: query.q?.trim() ? nameSearch(query.q) : undefined, employerId: query.employerId },
      offsetOf(query),
      query.pageSize,
    );
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async get(id: string): Promise<Project> {
    const project = await this.repository.withChain(this.transactions.none, id);
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
    const found = await this.repository.existingEmployerIds(this.transactions.none, ids);
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
