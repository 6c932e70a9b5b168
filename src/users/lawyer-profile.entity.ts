import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import { User } from './user.entity';

/** What the union needs to know about a lawyer (值班律师 or public-interest lawyer). */
@Entity('lawyer_profiles')
export class LawyerProfile {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @OneToOne(() => User, (user) => user.lawyerProfile)
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  /** 律师执业证号: 17 digits. */
  @Column({ name: 'licence_number' })
  licenceNumber: string;

  @Column()
  firm: string;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  /** Whether the lawyer currently takes duty shifts and cases. */
  @Column()
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
