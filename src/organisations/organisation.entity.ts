import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const ORGANISATION_KINDS = ['city_federation', 'district_federation', 'industry_union', 'service_center'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** A union body: city federation (市总工会) → district federations and industry unions → service centers. */
@Entity('organisations')
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  /** Short code that starts this organisation's case numbers: SY → SY-2027-00042. */
  @Column()
  code: string;

  @Column()
  name: string;

  @Column({ type: 'text' })
  kind: OrganisationKind;

  @Column({ type: 'text', nullable: true })
  district: string | null;

  /** '/<root id>/…/<own id>/': the subtree below an organisation is every path with this prefix. */
  @Column()
  path: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
