import {
  Column,
  CreateDateColumn,
  Entity,
  OneToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import type { Role } from '../auth/domain/roles';
import { LawyerProfile } from './lawyer-profile.entity';


/** A person who uses the product. Login and permissions arrive with the access issue. */
@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column()
  username: string;

  @Column({ name: 'display_name' })
  displayName: string;

  @Column({ type: 'text' })
  role: Role;

  @Column()
  active: boolean;

  /** argon2id; never selected unless asked for. */
  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false })
  passwordHash?: string | null;

  @Column({ name: 'password_changed_at', type: 'timestamptz', nullable: true })
  passwordChangedAt: Date | null;

  @OneToOne(() => LawyerProfile, (profile) => profile.user)
  lawyerProfile?: Relation<LawyerProfile> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
