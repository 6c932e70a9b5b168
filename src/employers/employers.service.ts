import { Injectable } from '@nestjs/common';
import { nameSearch } from '../common/database-helpers';
import { AppError } from '../common/errors/app-error';
import { Page, offsetOf } from '../common/http/pagination';
import { normalizeCreditCode } from '../common/identifiers/credit-code';
import { Transactions } from '../database/transactions';
import { CreateEmployerDto, EmployerListQuery, UpdateEmployerDto } from './dto/employer.dto';
import { Employer } from './employer.record';
import { SimilarEmployerView } from './employer.view';
import { EmployerChanges, EmployersRepository } from './employers.repository';

/** Words that every company name has, which say nothing about which company it is. */
const NAME_NOISE = /(有限责任公司|股份有限公司|有限公司|集团|公司|北京市|北京|市|（.*?）|\(.*?\)|\s)/g;

@Injectable()
export class EmployersService {
  constructor(
    private readonly repository: EmployersRepository,
    private readonly transactions: Transactions,
  ) {}

  async create(input: CreateEmployerDto): Promise<Employer> {
    const creditCode = input.creditCode ? normalizeCreditCode(input.creditCode) : null;
    if (!creditCode && input.kind !== 'individual_contractor') {
      throw AppError.invalidField('creditCode', 'CREDIT_CODE_REQUIRED');
    }
    return this.transactions.run((tx) =>
      this.repository.insert(tx, {
        name: input.name.trim(),
        creditCode,
        kind: input.kind,
        district: input.district?.trim() || null,
        industry: input.industry ?? null,
        legalRepresentative: input.legalRepresentative?.trim() || null,
        contactName: input.contactName?.trim() || null,
        contactPhone: input.contactPhone ?? null,
      }),
    );
  }

  /** Employers whose names share their distinctive part with `name`: likely the same company typed twice. */
  async similar(name: string, exceptId?: string): Promise<SimilarEmployerView[]> {
    const core = name.replace(NAME_NOISE, '');
    if (core.length < 2) return [];
    return this.repository.similarNames(this.transactions.none, core, NAME_NOISE.source, exceptId ?? null);
  }

  async list(query: EmployerListQuery): Promise<Page<Employer>> {
    const { items, total } = await this.repository.page(
      this.transactions.none,
      {
        search: query.q?.trim() ? { name: nameSearch(query.q), creditCode: normalizeCreditCode(query.q) } : undefined,
        kind: query.kind,
        industry: query.industry,
        district: query.district,
      },
      offsetOf(query),
      query.pageSize,
    );
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async get(id: string): Promise<Employer> {
    const found = await this.repository.byId(this.transactions.none, id);
    if (!found) throw new AppError('EMPLOYER_NOT_FOUND');
    return found;
  }

  async update(id: string, input: UpdateEmployerDto): Promise<Employer> {
    const { version, ...changes } = input;
    const trimmed: EmployerChanges = Object.fromEntries(
      Object.entries(changes).map(([key, value]) => [key, typeof value === 'string' ? value.trim() || null : value]),
    );
    // In a transaction, like every write: that is where the audit trail learns who is acting.
    await this.transactions.run((tx) => this.repository.updateWithVersion(tx, id, version, trimmed));
    return this.get(id);
  }
}
