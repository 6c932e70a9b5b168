import { DataSource } from 'typeorm';
import { AuthService } from '../auth/auth.service';
import { AppError } from '../common/errors/app-error';
import { ERROR_MESSAGES, FIELD_MESSAGES, render } from '../common/errors/messages';
import { Organisation } from '../organisations/organisation.entity';
import { OrganisationsService } from '../organisations/organisations.service';
import { User } from '../users/user.entity';

export interface CreateAdminInput {
  username: string;
  displayName: string;
  password: string;
  organisationCode: string;
  organisationName?: string;
  /** A password made up for them (printed on a first start) must be replaced at the first login. */
  passwordSetBy?: 'the_user' | 'someone_else';
}

/**
 * The first administrator (or another one): in the organisation with the given code, which is created
 * as the top of the tree (a city federation) if it does not exist yet.
 */
export async function createAdmin(
  dataSource: DataSource,
  organisations: OrganisationsService,
  auth: AuthService,
  input: CreateAdminInput,
): Promise<{ userId: string; organisationId: string; createdOrganisation: boolean }> {
  return dataSource.transaction(async (manager) => {
    let organisation = await manager.getRepository(Organisation).findOneBy({ code: input.organisationCode });
    const createdOrganisation = !organisation;
    if (!organisation) {
      if (!input.organisationName) throw new Error(`No organisation ${input.organisationCode}: give --organisation-name to create it`);
      organisation = await organisations.createRoot(manager, {
        code: input.organisationCode,
        name: input.organisationName,
        kind: 'city_federation',
      });
    }
    const user = await manager.getRepository(User).save(
      manager.getRepository(User).create({
        username: input.username,
        displayName: input.displayName,
        role: 'admin',
        organisationId: organisation.id,
        active: true,
      }),
    );
    await auth.setPassword(manager, user, input.password, 'created', input.passwordSetBy ?? 'the_user', 'password');
    return { userId: user.id, organisationId: organisation.id, createdOrganisation };
  });
}

/** A problem from the service, in words for the terminal. */
export function describeError(error: unknown): string {
  if (error instanceof AppError) {
    const problems = error.problems.map((p) => `  ${p.field ?? ''}: ${render(FIELD_MESSAGES[p.code], 'en', p.params)}`);
    return [render(ERROR_MESSAGES[error.code], 'en', error.params), ...problems].join('\n');
  }
  return error instanceof Error ? error.message : String(error);
}
