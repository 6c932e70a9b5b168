import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ProjectSubcontract } from './project-subcontract.entity';

/** A construction (or landscaping) project and the chain of parties that built it. */
@Entity('projects')
export class Project {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column()
  name: string;

  @Column({ type: 'text', nullable: true })
  site: string | null;

  /** 建设单位: advances wages up to the project funds it failed to pay (2020 Regulations art. 29). */
  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId: string | null;

  /** 总承包: pays first (先行清偿) what a subcontractor owes (art. 30). */
  @Column({ name: 'general_contractor_id', type: 'uuid', nullable: true })
  generalContractorId: string | null;

  @OneToMany(() => ProjectSubcontract, (link) => link.project)
  subcontracts?: ProjectSubcontract[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
