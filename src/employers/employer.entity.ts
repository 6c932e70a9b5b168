import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export const EMPLOYER_KINDS = [
  'company',
  'project_owner',
  'general_contractor',
  'subcontractor',
  'labour_subcontractor',
  'individual_contractor', // 包工头: a person, so no credit code
] as const;
export type EmployerKind = (typeof EMPLOYER_KINDS)[number];

export const INDUSTRIES = [
  'construction',
  'landscaping',
  'manufacturing',
  'catering',
  'logistics',
  'property_services',
  'retail',
  'domestic_services',
  'other',
] as const;
export type Industry = (typeof INDUSTRIES)[number];

/** 用人单位: a party that owes wages, or stands in the chain that must pay them. */
@Entity('employers')
export class Employer {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column()
  name: string;

  /** 统一社会信用代码 (GB 32100-2015), unique; absent only for an individual contractor. */
  @Column({ name: 'credit_code', type: 'text', nullable: true })
  creditCode: string | null;

  @Column({ type: 'text' })
  kind: EmployerKind;

  @Column({ type: 'text', nullable: true })
  district: string | null;

  @Column({ type: 'text', nullable: true })
  industry: Industry | null;

  @Column({ name: 'legal_representative', type: 'text', nullable: true })
  legalRepresentative: string | null;

  @Column({ name: 'contact_name', type: 'text', nullable: true })
  contactName: string | null;

  @Column({ name: 'contact_phone', type: 'text', nullable: true })
  contactPhone: string | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
