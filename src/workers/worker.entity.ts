import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** 农民工: one person across all the cases he is a claimant in, identified by his resident id number. */
@Entity('workers')
export class Worker {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column()
  name: string;

  /** 身份证号 (GB 11643-1999), sensitive personal information. */
  @Column({ name: 'id_number' })
  idNumber: string;

  @Column({ type: 'text', nullable: true })
  mobile: string | null;

  @Column({ name: 'home_province', type: 'text', nullable: true })
  homeProvince: string | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
