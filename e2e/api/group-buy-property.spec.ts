import fc from 'fast-check';
import type { TeamStatus } from '@giftshop/shared';
import { dealOn, HOUR, join, openTeam, pay, shoppers, teamOf } from '../support/group-buy-fixtures';
import { Session, TestApp } from '../support/test-app';

jest.setTimeout(600_000);

const MINUTE = 60_000;
const UNPAID_MS = 15 * MINUTE;
const MEMBERS = 5;

type Step =
  | { op: 'join'; who: number }
  | { op: 'pay'; who: number }
  | { op: 'cancel'; who: number }
  | { op: 'advance'; minutes: number };

/**
 * The rules, as a model: the server must agree with it after every step of a random sequence of
 * joins, payments, cancellations and clock moves. Paid members never exceed the size, and a team
 * forms exactly when its paid members reach the size before its deadline.
 */
class TeamModel {
  status: TeamStatus = 'open';
  /** Per member: held (with when), paid, or nothing. */
  private readonly seats = new Map<number, { state: 'held'; at: number } | { state: 'paid' }>();
  now = 0;
  readonly expiresAt: number;

  constructor(
    readonly size: number,
    windowMs: number,
  ) {
    this.expiresAt = windowMs; // the leader paid at 0 (the leader is not one of the members)
  }

  get paid(): number {
    return 1 + [...this.seats.values()].filter((s) => s.state === 'paid').length;
  }
  get held(): number {
    return [...this.seats.values()].filter((s) => s.state === 'held').length;
  }
  get seatsLeft(): number {
    return Math.max(0, this.size - this.paid - this.held);
  }

  join(who: number): number | string {
    if (this.status !== 'open' || this.now >= this.expiresAt) return 'TEAM_CLOSED';
    if (this.seats.has(who)) return 'ALREADY_IN_TEAM';
    if (this.seatsLeft === 0) return 'TEAM_FULL';
    this.seats.set(who, { state: 'held', at: this.now });
    return 201;
  }

  pay(who: number): number {
    const seat = this.seats.get(who);
    if (seat?.state !== 'held' || this.status !== 'open' || this.now >= this.expiresAt) return 409;
    this.seats.set(who, { state: 'paid' });
    if (this.paid === this.size) this.status = 'formed';
    return 200;
  }

  cancel(who: number): number {
    if (this.seats.get(who)?.state !== 'held') return 409;
    this.seats.delete(who);
    return 200;
  }

  /** The jobs that came due: unpaid orders cancelled after 15 minutes; the deadline fails an open team. */
  advance(ms: number): void {
    this.now += ms;
    for (const [who, seat] of this.seats) {
      if (seat.state === 'held' && this.now >= seat.at + UNPAID_MS) this.seats.delete(who);
    }
    if (this.status === 'open' && this.now >= this.expiresAt) {
      this.status = 'failed';
      for (const [who, seat] of this.seats) if (seat.state === 'held') this.seats.delete(who);
    }
  }
}

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('join' as const), who: fc.nat(MEMBERS - 1) }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('pay' as const), who: fc.nat(MEMBERS - 1) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('cancel' as const), who: fc.nat(MEMBERS - 1) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('advance' as const), minutes: fc.constantFrom(1, 7, 16, 40) }) },
);

describe('group buys against a model (fast-check, real PostgreSQL)', () => {
  let t: TestApp;
  let merchant: Session;
  let leader: Session;
  let members: Session[];

  beforeAll(async () => {
    t = await TestApp.start();
    merchant = await t.login('o_gbp_merchant');
    leader = await t.login('o_gbp_leader');
    members = await shoppers(t, 'o_gbp_member_', MEMBERS);
  });
  afterAll(() => t.close());

  it('paid members never exceed the size; a team forms exactly when they reach it before the deadline', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 4 }),
        fc.array(step, { minLength: 4, maxLength: 14 }),
        async (size, steps) => {
          const { deal, skuId } = await dealOn(t, merchant, { groupSize: size, windowHours: 1 });
          const { teamId } = await openTeam(t, leader, deal.id, skuId);
          const model = new TeamModel(size, HOUR);
          const orders = new Map<number, string>();
          for (const s of steps) {
            if (s.op === 'advance') {
              model.advance(s.minutes * MINUTE);
              await t.advance(s.minutes * MINUTE);
            } else if (s.op === 'join') {
              const expected = model.join(s.who);
              const res = await join(t, members[s.who], teamId, skuId);
              expect(res.status === 201 ? 201 : res.body.code).toBe(expected);
              if (res.status === 201) orders.set(s.who, res.body.orderId);
            } else {
              const orderId = orders.get(s.who);
              const expected = s.op === 'pay' ? model.pay(s.who) : model.cancel(s.who);
              if (!orderId) continue; // never joined: nothing to pay or cancel (the model said 409)
              const res =
                s.op === 'pay'
                  ? await pay(t, members[s.who], orderId)
                  : await t.http().post(`/api/orders/${orderId}/cancel`).set(members[s.who].auth);
              expect(res.status).toBe(expected);
            }
            const team = await teamOf(t, teamId);
            expect({ status: team.status, paid: team.paidCount, seatsLeft: team.seatsLeft }).toEqual({
              status: model.status,
              paid: model.paid,
              seatsLeft: model.seatsLeft,
            });
            expect(team.paidCount).toBeLessThanOrEqual(size);
          }
          // Every unpaid order of this run is cancelled before the next (the unpaid cap is 5).
          await t.advance(UNPAID_MS + MINUTE);
        },
      ),
      {
        numRuns: 25,
        // Besides the random ones, a team that forms and one that fails with a seat still held.
        examples: [
          [
            2,
            [
              { op: 'join', who: 0 },
              { op: 'join', who: 1 },
              { op: 'pay', who: 0 },
              { op: 'pay', who: 1 },
            ],
          ],
          [
            3,
            [
              { op: 'join', who: 0 },
              { op: 'pay', who: 0 },
              { op: 'advance', minutes: 40 },
              { op: 'join', who: 1 },
              { op: 'advance', minutes: 16 },
              { op: 'join', who: 2 },
              { op: 'advance', minutes: 7 },
              { op: 'pay', who: 2 },
              { op: 'join', who: 3 },
            ],
          ],
        ],
      },
    );
  });
});
