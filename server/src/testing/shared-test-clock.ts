import { Injectable, NestMiddleware, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ClockService } from '../clock/clock.service';
import { KnownUsers } from '../identity/known-users';

interface TestClockRow {
  offset_ms: string;
  resets: number;
}

/**
 * The test clock and the test reset, shared by every server process on the database (TEST_HOOKS
 * only). The clock's offset and a count of resets live in `test_clock`; each process reads the row
 * before each request and each job poll, so a clock moved through one process is the clock of
 * all, and a reset made through one makes every process forget the users it had seen (the auth
 * guard's cache, KnownUsers). One primary-key read per request: the cost of test hooks only.
 */
@Injectable()
export class SharedTestClock implements OnModuleInit {
  private resetsSeen: number | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: ClockService,
    private readonly knownUsers: KnownUsers,
  ) {}

  onModuleInit(): void {
    this.clock.setSource(() => this.sync());
  }

  async sync(): Promise<void> {
    const [row] = await this.db.query<TestClockRow[]>('SELECT offset_ms, resets FROM test_clock WHERE id = 1');
    if (row) this.apply(row);
  }

  /** Moves the shared clock forward; answers the new now. */
  async advance(ms: number): Promise<Date> {
    const [[row]] = await this.db.query<[TestClockRow[], number]>(
      'UPDATE test_clock SET offset_ms = offset_ms + $1 WHERE id = 1 RETURNING offset_ms, resets',
      [ms],
    );
    this.apply(row);
    return this.clock.now();
  }

  /** Counts a reset, so the other processes forget their users at their next request. */
  async countReset(): Promise<void> {
    const [[row]] = await this.db.query<[TestClockRow[], number]>(
      'UPDATE test_clock SET resets = resets + 1 WHERE id = 1 RETURNING offset_ms, resets',
    );
    this.apply(row);
  }

  private apply(row: TestClockRow): void {
    this.clock.setOffset(Number(row.offset_ms));
    if (this.resetsSeen !== null && this.resetsSeen !== row.resets) this.knownUsers.forget();
    this.resetsSeen = row.resets;
  }
}

/** Every request sees the shared clock and resets before the guards run. */
@Injectable()
export class SharedTestClockMiddleware implements NestMiddleware {
  constructor(private readonly shared: SharedTestClock) {}

  use(_req: unknown, _res: unknown, next: (error?: unknown) => void): void {
    this.shared.sync().then(() => next(), next);
  }
}
