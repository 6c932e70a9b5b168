import { NameSearch, nameContains } from '../common/database-helpers';
import { assertSearchNarrowEnough } from '../database/search-breadth';
import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/transactions';
import type { ProjectSubcontract } from './project-subcontract.record';
import type { Project } from './project.record';

/** The columns of `projects` under the record's field names (alias `project`). */
const PROJECT_COLUMNS = `project.id, project.name, project.site, project.owner_id AS "ownerId",
  project.general_contractor_id AS "generalContractorId", project.created_at AS "createdAt", project.updated_at AS "updatedAt"`;

/** The columns of `project_subcontracts` under the record's field names (alias `subcontract`). */
const SUBCONTRACT_COLUMNS = `subcontract.project_id AS "projectId", subcontract.employer_id AS "employerId",
  subcontract.contracted_by_id AS "contractedById", subcontract.role, subcontract.position`;

/** What a new project is stored with (its chain is inserted after it); the database gives the id and the timestamps. */
export type NewProject = Pick<Project, 'name' | 'site' | 'ownerId' | 'generalContractorId'>;

/** What the list of projects is filtered by; absent filters do not apply. */
export interface ProjectFilter {
  /** Part of the project's name, as a LIKE pattern. */
  name?: NameSearch;
  /** An employer anywhere in the project: owner, general contractor or a link of the chain. */
  employerId?: string;
}

/** The `projects` and `project_subcontracts` tables: the only place that reads or writes them. */
@Injectable()
export class ProjectsRepository {
  /** Inserts a project (without its chain) and returns it as stored. */
  async insertProject(tx: Tx, project: NewProject): Promise<Project> {
    const [stored]: Project[] = await tx.query(
      `INSERT INTO projects AS project (name, site, owner_id, general_contractor_id) VALUES ($1, $2, $3, $4)
       RETURNING ${PROJECT_COLUMNS}`,
      [project.name, project.site, project.ownerId, project.generalContractorId],
    );
    return stored;
  }

  /** Inserts links of projects' chains, in one statement. */
  async insertSubcontracts(tx: Tx, links: ProjectSubcontract[]): Promise<void> {
    if (links.length === 0) return;
    await tx.query(
      `INSERT INTO project_subcontracts (project_id, employer_id, contracted_by_id, role, position)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::integer[])`,
      [
        links.map((link) => link.projectId),
        links.map((link) => link.employerId),
        links.map((link) => link.contractedById),
        links.map((link) => link.role),
        links.map((link) => link.position),
      ],
    );
  }

  /** The project with its subcontracting chain in chain order. */
  async withChain(tx: Tx, id: string): Promise<Project | null> {
    const [project]: Project[] = await tx.query(`SELECT ${PROJECT_COLUMNS} FROM projects project WHERE project.id = $1`, [id]);
    if (!project) return null;
    project.subcontracts = (await this.chainsOf(tx, [id])).get(id) ?? [];
    return project;
  }

  /**
   * A page of projects, newest first, each with its chain, and how many projects match in all. The
   * page is cut from the projects alone, then their chains are loaded: a project takes one place on
   * the page however long its chain is.
   */
  async page(tx: Tx, filter: ProjectFilter, offset: number, limit: number): Promise<{ items: Project[]; total: number }> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (filter.name) {
      await assertSearchNarrowEnough(tx, `SELECT 1 FROM projects project WHERE ${nameContains('project.name', '$1', '$2')}`, [filter.name.text, filter.name.pattern]);
      params.push(filter.name.text, filter.name.pattern);
      conditions.push(nameContains('project.name', `$${params.length - 1}`, `$${params.length}`));
    }
    if (filter.employerId) {
      params.push(filter.employerId);
      conditions.push(`(project.owner_id = $${params.length} OR project.general_contractor_id = $${params.length} OR EXISTS (
           SELECT 1 FROM project_subcontracts s WHERE s.project_id = project.id AND s.employer_id = $${params.length}))`);
    }
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const items: Project[] = await tx.query(
      `SELECT ${PROJECT_COLUMNS} FROM projects project ${where}
        ORDER BY project.created_at DESC, project.id ASC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, limit, offset],
    );
    const chains = await this.chainsOf(tx, items.map((project) => project.id));
    for (const project of items) project.subcontracts = chains.get(project.id) ?? [];
    const [{ total }]: { total: number }[] = await tx.query(`SELECT count(*)::integer AS total FROM projects project ${where}`, params);
    return { items, total };
  }

  /** Which of these employers exist: a read of the employers' table, for the references a project makes. */
  async existingEmployerIds(tx: Tx, ids: string[]): Promise<Set<string>> {
    const rows: { id: string }[] = await tx.query(`SELECT id FROM employers WHERE id = ANY($1::uuid[])`, [ids]);
    return new Set(rows.map((row) => row.id));
  }

  /** The chains of these projects, each in chain order; a project without one has an empty list. */
  private async chainsOf(tx: Tx, projectIds: string[]): Promise<Map<string, ProjectSubcontract[]>> {
    if (projectIds.length === 0) return new Map();
    const links: ProjectSubcontract[] = await tx.query(
      `SELECT ${SUBCONTRACT_COLUMNS} FROM project_subcontracts subcontract
        WHERE subcontract.project_id = ANY($1::uuid[]) ORDER BY subcontract.position ASC`,
      [projectIds],
    );
    const chains = new Map<string, ProjectSubcontract[]>(projectIds.map((id) => [id, []]));
    for (const link of links) chains.get(link.projectId)!.push(link);
    return chains;
  }
}
