import type { Role } from '../auth/domain/roles';
import type { LawyerProfile } from './lawyer-profile.record';

/** A person who uses the product. Login and permissions arrive with the access issue. */
export interface User {
  id: string;
  organisationId: string;
  username: string;
  displayName: string;
  /** One or more, in the order of ROLES (the database refuses none, an unknown one or a repeat). */
  roles: Role[];
  active: boolean;

  /** argon2id; never selected unless asked for. */
  passwordHash?: string | null;

  passwordChangedAt: Date | null;

  /** The lawyer's profile, when loaded with the user: null when they have none. */
  lawyerProfile?: LawyerProfile | null;

  createdAt: Date;
  updatedAt: Date;
}
