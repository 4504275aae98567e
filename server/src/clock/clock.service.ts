import { Injectable } from '@nestjs/common';

/**
 * The one source of "now" for domain time (claim windows, unpaid timeouts, settlement).
 * Tests move it forward with the clock route; it never moves backwards. `now()` stays synchronous:
 * with several processes the shared offset is kept in the database by the test hooks, which pull
 * it in before each request and each job poll (`refresh()`), and do nothing without TEST_HOOKS.
 */
@Injectable()
export class ClockService {
  private offsetMs = 0;
  private source: (() => Promise<void>) | null = null;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): Date {
    if (!Number.isSafeInteger(ms) || ms < 0) throw new RangeError(`clock can only move forward, got ${ms}`);
    this.offsetMs += ms;
    return this.now();
  }

  /** The offset as the shared store knows it (the test hooks). */
  setOffset(ms: number): void {
    this.offsetMs = ms;
  }

  /** Who keeps the shared offset; `refresh()` asks it. */
  setSource(source: () => Promise<void>): void {
    this.source = source;
  }

  /** Brings the offset up to date with the other processes (nothing without test hooks). */
  async refresh(): Promise<void> {
    await this.source?.();
  }
}
