import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A durable job: due at `runAt`, worked once with SELECT … FOR UPDATE SKIP LOCKED. */
@Entity('jobs')
export class Job {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: number;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ type: 'timestamptz' })
  runAt!: Date;

  @Column({ type: 'text' })
  state!: 'pending' | 'done' | 'failed';

  @Column({ type: 'integer' })
  attempts!: number;

  @Column({ type: 'integer' })
  maxAttempts!: number;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ type: 'text', nullable: true, unique: true })
  uniqueKey!: string | null;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  finishedBy!: string | null;
}
