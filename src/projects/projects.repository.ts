import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/transactions';
import { ProjectSubcontract } from './project-subcontract.entity';
import { Project } from './project.entity';

/** The columns of `projects` under the entity's property names (alias `project`). */
const PROJECT_COLUMNS = `project.id, project.name, project.site, project.owner_id AS "ownerId",
  project.general_contractor_id AS "generalContractorId", project.created_at AS "createdAt", project.updated_at AS "updatedAt"`;

/** The columns of `project_subcontracts` under the entity's property names (alias `subcontract`). */
const SUBCONTRACT_COLUMNS = `subcontract.project_id AS "projectId", subcontract.employer_id AS "employerId",
  subcontract.contracted_by_id AS "contractedById", subcontract.role, subcontract.position`;

/** What the list of projects is filtered by; absent filters do not apply. */
export interface ProjectFilter {
  /** Part of the project's name, as a LIKE pattern. */
  namePattern?: string;
  /** An employer anywhere in the project: owner, general contractor or a link of the chain. */
  employerId?: string;
}

/** The `projects` and `project_subcontracts` tables: the only place that reads or writes them. */
@Injectable()
export class ProjectsRepository {
  /** Inserts a project (without its chain) and returns it as stored. */
  insertProject(tx: Tx, project: Partial<Project>): Promise<Project> {
    const repository = tx.getRepository(Project);
    return repository.save(repository.create(project));
  }

  async insertSubcontracts(tx: Tx, links: ProjectSubcontract[]): Promise<void> {
    await tx.getRepository(ProjectSubcontract).insert(links);
  }

  /** The project with its subcontracting chain in chain order. */
  async withChain(tx: Tx, id: string): Promise<Project | null> {
    const [project]: Project[] = await tx.query(`SELECT ${PROJECT_COLUMNS} FROM projects project WHERE project.id = $1`, [id]);
    if (!project) return null;
    project.subcontracts = (await this.chainsOf(tx, [id])).get(id) ?? [];
    return project;
  }

  /**
   * A page of projects, newest first, each with its chain, and how many projects match in all.
   *
   * Two oddities of the TypeORM query this replaces are kept so the answers stay the same (reported
   * with issue 13; paging the projects alone, and always counting, would fix both): the page is cut
   * from the projects' rows joined to their chain links, so a project with three links takes three of
   * the page's places; and a page with fewer projects than its size is taken to be the last one, its
   * total the places before it plus its projects.
   */
  async page(tx: Tx, filter: ProjectFilter, offset: number, limit: number): Promise<{ items: Project[]; total: number }> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (filter.namePattern) {
      params.push(filter.namePattern);
      conditions.push(`project.name ILIKE $${params.length}`);
    }
    if (filter.employerId) {
      params.push(filter.employerId);
      conditions.push(`(project.owner_id = $${params.length} OR project.general_contractor_id = $${params.length} OR EXISTS (
           SELECT 1 FROM project_subcontracts s WHERE s.project_id = project.id AND s.employer_id = $${params.length}))`);
    }
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const places: { id: string }[] = await tx.query(
      `SELECT DISTINCT project.id, project.created_at, subcontract.position
         FROM projects project LEFT JOIN project_subcontracts subcontract ON subcontract.project_id = project.id
         ${where}
        ORDER BY project.created_at DESC, project.id ASC, subcontract.position ASC
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, limit, offset],
    );
    const ids = [...new Set(places.map((place) => place.id))];
    const items: Project[] =
      ids.length === 0
        ? []
        : await tx.query(
            `SELECT ${PROJECT_COLUMNS} FROM projects project WHERE project.id = ANY($1::uuid[]) ORDER BY project.created_at DESC, project.id ASC`,
            [ids],
          );
    const chains = await this.chainsOf(tx, ids);
    for (const project of items) project.subcontracts = chains.get(project.id) ?? [];
    if (items.length < limit && !(items.length === 0 && offset > 0)) return { items, total: offset + items.length };
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
