import type { INestApplicationContext } from '@nestjs/common';
import { AuthService } from '../auth/auth.service';
import { AppError } from '../common/errors/app-error';
import { ERROR_MESSAGES, FIELD_MESSAGES, render } from '../common/errors/messages';
import { Transactions } from '../database/transactions';
import { OrganisationsService } from '../organisations/organisations.service';
import { UsersRepository } from '../users/users.repository';

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
 * as the top of the tree (a city federation) if it does not exist yet. `app` is the running service
 * (the set-up command, the first start and the tests), whose parts do the work in one transaction.
 */
export async function createAdmin(
  app: INestApplicationContext,
  input: CreateAdminInput,
): Promise<{ userId: string; organisationId: string; createdOrganisation: boolean }> {
  const organisations = app.get(OrganisationsService);
  const auth = app.get(AuthService);
  const users = app.get(UsersRepository);
  return app.get(Transactions).run(async (tx) => {
    let organisation = await organisations.findByCode(tx, input.organisationCode);
    const createdOrganisation = !organisation;
    if (!organisation) {
      if (!input.organisationName) throw new Error(`No organisation ${input.organisationCode}: give --organisation-name to create it`);
      organisation = await organisations.createRoot(tx, {
        code: input.organisationCode,
        name: input.organisationName,
        kind: 'city_federation',
      });
    }
    const user = await users.insertUser(tx, {
      username: input.username,
      displayName: input.displayName,
      roles: ['admin'],
      organisationId: organisation.id,
      active: true,
    });
    await auth.setPassword(tx, user, input.password, 'created', input.passwordSetBy ?? 'the_user', 'password');
    return { userId: user.id, organisationId: organisation.id, createdOrganisation };
  });
}

/** Whether the service has no user yet: a first start, which makes its first administrator. */
export async function hasNoUsers(app: INestApplicationContext): Promise<boolean> {
  return (await app.get(UsersRepository).count(app.get(Transactions).none)) === 0;
}

/** A problem from the service, in words for the terminal. */
export function describeError(error: unknown): string {
  if (error instanceof AppError) {
    const problems = error.problems.map((p) => `  ${p.field ?? ''}: ${render(FIELD_MESSAGES[p.code], 'en', p.params)}`);
    return [render(ERROR_MESSAGES[error.code], 'en', error.params), ...problems].join('\n');
  }
  return error instanceof Error ? error.message : String(error);
}
