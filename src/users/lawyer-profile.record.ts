import type { User } from './user.record';

/** What the union needs to know about a lawyer (值班律师 or public-interest lawyer). */
export interface LawyerProfile {
  userId: string;
  user?: User;

  /** 律师执业证号: 17 digits. */
  licenceNumber: string;

  firm: string;
  phone: string | null;

  /** Whether the lawyer currently takes duty shifts and cases. */
  active: boolean;

  createdAt: Date;
  updatedAt: Date;
}
