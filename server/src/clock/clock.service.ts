import { Injectable } from '@nestjs/common';

/**
 * The one source of "now" for domain time (claim windows, unpaid timeouts, settlement).
 * Tests move it forward with the clock route; it never moves backwards.
 */
@Injectable()
export class ClockService {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): Date {
    if (!Number.isSafeInteger(ms) || ms < 0) throw new RangeError(`clock can only move forward, got ${ms}`);
    this.offsetMs += ms;
    return this.now();
  }
}
