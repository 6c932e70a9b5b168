import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { likePattern } from '../common/database-helpers';
import { AppError } from '../common/errors/app-error';
import { Page, offsetOf } from '../common/http/pagination';
import { normalizeCreditCode } from '../common/identifiers/credit-code';
import { CreateEmployerDto, EmployerListQuery, UpdateEmployerDto } from './dto/employer.dto';
import { Employer } from './employer.entity';
import { SimilarEmployerView } from './employer.view';
import { saveWithVersion } from '../database/optimistic-update';

/** Words that every company name has, which say nothing about which company it is. */
const NAME_NOISE = /(有限责任公司|股份有限公司|有限公司|集团|公司|北京市|北京|市|（.*?）|\(.*?\)|\s)/g;

@Injectable()
export class EmployersService {
  constructor(
    @InjectRepository(Employer) private readonly employers: Repository<Employer>,
    private readonly dataSource: DataSource,
  ) {}

  async create(input: CreateEmployerDto): Promise<Employer> {
    const creditCode = input.creditCode ? normalizeCreditCode(input.creditCode) : null;
    if (!creditCode && input.kind !== 'individual_contractor') {
      throw AppError.invalidField('creditCode', 'CREDIT_CODE_REQUIRED');
    }
    return this.employers.save(
      this.employers.create({
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
    return this.dataSource.query(
      `SELECT id, name, credit_code AS "creditCode", kind FROM employers
        WHERE id IS DISTINCT FROM $3::uuid
          AND (regexp_replace(name, $2, '', 'g') LIKE '%' || $1 || '%'
               OR (length(regexp_replace(name, $2, '', 'g')) >= 2 AND $1 LIKE '%' || regexp_replace(name, $2, '', 'g') || '%'))
        ORDER BY name LIMIT 20`,
      [core, NAME_NOISE.source, exceptId ?? null],
    );
  }

  async list(query: EmployerListQuery): Promise<Page<Employer>> {
    const builder = this.employers
      .createQueryBuilder('employer')
      .orderBy('employer.name', 'ASC')
      .addOrderBy('employer.id', 'ASC')
      .skip(offsetOf(query))
      .take(query.pageSize);
    if (query.q?.trim()) {
      builder.andWhere('(employer.name ILIKE :pattern OR employer.credit_code = :code)', {
        pattern: likePattern(query.q),
        code: normalizeCreditCode(query.q),
      });
    }
    if (query.kind) builder.andWhere('employer.kind = :kind', { kind: query.kind });
    if (query.industry) builder.andWhere('employer.industry = :industry', { industry: query.industry });
    if (query.district) builder.andWhere('employer.district = :district', { district: query.district });
    const [items, total] = await builder.getManyAndCount();
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async get(id: string): Promise<Employer> {
    const found = await this.employers.findOneBy({ id });
    if (!found) throw new AppError('EMPLOYER_NOT_FOUND');
    return found;
  }

  async update(id: string, input: UpdateEmployerDto): Promise<Employer> {
    const { version, ...changes } = input;
    const trimmed = Object.fromEntries(
      Object.entries(changes).map(([key, value]) => [key, typeof value === 'string' ? value.trim() || null : value]),
    );
    // In a transaction, like every write: that is where the audit trail learns who is acting.
    await this.dataSource.transaction((manager) =>
      saveWithVersion(manager.getRepository(Employer), id, version, trimmed, 'EMPLOYER_NOT_FOUND'),
    );
    return this.get(id);
  }
}
