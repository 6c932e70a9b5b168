import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/**
 * 农民工: one person across all the cases he is a claimant in, identified by his resident id number.
 * The id number and the mobile number are sensitive personal information (PIPL): stored sealed
 * (AES-256-GCM), found by a keyed hash, shown masked.
 */
@Entity('workers')
export class Worker {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column()
  name: string;

  @Column({ name: 'id_number_sealed' })
  idNumberSealed: string;

  @Column({ name: 'id_number_hash' })
  idNumberHash: string;

  @Column({ name: 'mobile_sealed', type: 'text', nullable: true })
  mobileSealed: string | null;

  @Column({ name: 'home_province', type: 'text', nullable: true })
  homeProvince: string | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
