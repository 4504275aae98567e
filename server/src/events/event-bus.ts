import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ClockService } from '../clock/clock.service';
import { JobsService } from '../jobs/jobs.service';
import { AfterCommitEvent, DomainEvents, EventName } from './domain-events';

type Handler<K extends EventName> = (tx: EntityManager, event: DomainEvents[K]) => Promise<void>;

interface Subscriber {
  name: string;
  handle: (tx: EntityManager, event: never) => Promise<void>;
}

/**
 * Domain events, typed by one map (domain-events.ts). A subscriber says how its effect must run:
 *
 * - `inTransaction`: in the publisher's transaction, before it commits — for effects that must be
 *   atomic with the change (the ledger booking a payment, a gift sent when its order is paid). A
 *   handler that throws rolls the change back.
 * - `afterCommit`: as a durable job enqueued in the publisher's transaction, run once it has
 *   committed, in a transaction of its own, retried with backoff — for effects that may lag (and
 *   must then be idempotent: a job runs at least once).
 *
 * Handlers run in the order they subscribed. Publishing with no subscriber is fine.
 */
@Injectable()
export class EventBus {
  private readonly inTx = new Map<EventName, Subscriber[]>();
  private readonly afterCommitJobs = new Map<EventName, string[]>();

  constructor(
    private readonly jobs: JobsService,
    private readonly clock: ClockService,
  ) {}

  inTransaction<K extends EventName>(event: K, subscriber: string, handle: Handler<K>): void {
    const list = this.inTx.get(event) ?? [];
    if (list.some((s) => s.name === subscriber)) throw new Error(`${subscriber} subscribes to ${event} twice`);
    list.push({ name: subscriber, handle: handle as Subscriber['handle'] });
    this.inTx.set(event, list);
  }

  afterCommit<K extends AfterCommitEvent>(event: K, subscriber: string, handle: Handler<K>): void {
    const kind = `event:${event}:${subscriber}`;
    this.jobs.register(kind, (tx, payload) => handle(tx, payload as unknown as DomainEvents[K]));
    this.afterCommitJobs.set(event, [...(this.afterCommitJobs.get(event) ?? []), kind]);
  }

  async publish<K extends EventName>(tx: EntityManager, event: K, payload: DomainEvents[K]): Promise<void> {
    for (const subscriber of this.inTx.get(event) ?? []) {
      await (subscriber.handle as Handler<K>)(tx, payload);
    }
    for (const kind of this.afterCommitJobs.get(event) ?? []) {
      await this.jobs.enqueue(tx, {
        kind,
        runAt: this.clock.now(),
        payload: payload as unknown as Record<string, unknown>,
      });
    }
  }

  /** Who handles what, for docs and tests: event → subscriber names (after-commit ones marked). */
  subscriptions(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const [event, list] of this.inTx) out[event] = list.map((s) => s.name);
    for (const [event, kinds] of this.afterCommitJobs) {
      out[event] = [...(out[event] ?? []), ...kinds.map((k) => `${k.split(':')[2]} (after commit)`)];
    }
    return out;
  }
}
