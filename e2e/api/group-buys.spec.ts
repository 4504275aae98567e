import type { LedgerView, MessageView, ProductView, TeamView } from '@giftshop/shared';
import { stockOf } from '../support/fixtures';
import { giftWorld } from '../support/gift-fixtures';
import { dealOn, HOUR, join, openTeam, orderOf, pay, seat, shoppers, teamOf } from '../support/group-buy-fixtures';
import { Session, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

describe('社群拼团: deals, teams, seats, forming and failing', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof giftWorld>>;

  beforeAll(async () => {
    t = await TestApp.start();
    w = await giftWorld(t);
  });
  afterAll(() => t.close());

  const messages = async (chatId: string, who: Session) =>
    (await t.http().get(`/api/chats/${chatId}/messages?limit=200`).set(who.auth).expect(200)).body as MessageView[];
  const countedBySearch = async (orderIds: string[]) =>
    (
      await t.sql<{ order_id: string }>(
        'SELECT order_id FROM search_counted_orders WHERE order_id = ANY($1) ORDER BY order_id',
        [orderIds],
      )
    ).map((r) => r.order_id);
  const ledgerOf = async (shopId: string, merchant: Session) =>
    (await t.http().get(`/api/shops/${shopId}/ledger?limit=100`).set(merchant.auth).expect(200)).body as LedgerView;

  describe('deals', () => {
    it('a merchant lists a deal below the SKU price; the product shows it until it ends', async () => {
      const { deal, productId, skuId } = await dealOn(t, w.wang, { groupSize: 3, groupPriceFen: 3900 });
      expect(deal).toMatchObject({
        groupSize: 3,
        windowHours: 24,
        status: 'active',
        skus: [{ skuId, groupPriceFen: 3900 }],
      });
      const product = (await t.http().get(`/api/products/${productId}`).expect(200)).body as ProductView;
      expect(product.groupDeal).toMatchObject({ id: deal.id, groupSize: 3, skus: [{ skuId, groupPriceFen: 3900 }] });
      const ended = await t.http().patch(`/api/group-deals/${deal.id}`).set(w.wang.auth).send({ status: 'ended' });
      expect(ended.status).toBe(200);
      expect(ended.body).toMatchObject({ status: 'ended' });
      expect(((await t.http().get(`/api/products/${productId}`).expect(200)).body as ProductView).groupDeal).toBeNull();
      // No new team from an ended deal.
      const refused = await t
        .http()
        .post('/api/group-buys')
        .set(w.alice.auth)
        .send({ dealId: deal.id, ...seat(w.alice, skuId) });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('DEAL_ENDED');
    });

    it('refuses bad deals with a 4xx that names the problem, and changes nothing', async () => {
      const { shopId, productId, skuId } = await dealOn(t, w.wang, { groupSize: 2 });
      const post = (body: Record<string, unknown>, who = w.wang) =>
        t.http().post(`/api/shops/${shopId}/group-deals`).set(who.auth).send(body);
      const base = { productId, groupSize: 3, skus: [{ skuId, groupPriceFen: 100 }] };
      const cases: [Record<string, unknown>, number, string][] = [
        [{ ...base, groupSize: 1 }, 400, 'groupSize'],
        [{ ...base, groupSize: 51 }, 400, 'groupSize'],
        [{ ...base, windowHours: 49 }, 400, 'windowHours'],
        [{ ...base, windowHours: 0 }, 400, 'windowHours'],
        [{ ...base, skus: [{ skuId, groupPriceFen: 5000 }] }, 400, 'groupPriceFen'],
        [{ ...base, skus: [{ skuId, groupPriceFen: 0 }] }, 400, 'groupPriceFen'],
        [{ ...base, skus: [] }, 400, 'skus'],
        [{ ...base, skus: [{ skuId: w.alice.userId, groupPriceFen: 100 }] }, 404, 'skus.0.skuId'],
        [base, 409, 'active'], // the product's deal from dealOn is still active
      ];
      for (const [body, status, says] of cases) {
        const res = await post(body);
        expect([res.status, res.body.message]).toEqual([status, expect.stringContaining(says)]);
      }
      expect((await post(base, w.alice)).status).toBe(403);
      const [{ n }] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM group_deals WHERE product_id = $1', [
        productId,
      ]);
      expect(n).toBe(1);
    });
  });

  describe('a team that forms', () => {
    it('opens at the group price, posts its card, forms at size, ships only then, with a notice', async () => {
      const { deal, skuId, shopId } = await dealOn(t, w.wang, { groupSize: 3, groupPriceFen: 3900 });
      const opened = await t
        .http()
        .post('/api/group-buys')
        .set(w.alice.auth)
        .send({ dealId: deal.id, chatId: w.family.id, ...seat(w.alice, skuId, { quantity: 2 }) })
        .expect(201);
      expect(opened.body.totalFen).toBe(7800); // 2 × 3,900, free freight
      const { teamId, orderId: aliceOrder } = opened.body as { teamId: string; orderId: string };
      expect(await teamOf(t, teamId)).toMatchObject({ status: 'forming', seatsLeft: 2, expiresAt: null });
      // Nobody joins before the leader has paid.
      expect((await join(t, w.bob, teamId, skuId)).body.code).toBe('TEAM_NOT_OPEN');
      await pay(t, w.alice, aliceOrder).expect(200);
      const open = await teamOf(t, teamId);
      expect(open).toMatchObject({ status: 'open', paidCount: 1, seatsLeft: 2 });
      const card = (await messages(w.family.id, w.bob)).filter((m) => m.type === 'group_buy');
      expect(card).toEqual([expect.objectContaining({ teamId, senderId: w.alice.userId })]);

      const bob = (await join(t, w.bob, teamId, skuId).expect(201)).body as { orderId: string };
      const carol = (await join(t, w.carol, teamId, skuId).expect(201)).body as { orderId: string };
      expect(await teamOf(t, teamId)).toMatchObject({ status: 'open', paidCount: 1, seatsLeft: 0 });
      expect((await join(t, w.dave, teamId, skuId)).body.code).toBe('TEAM_FULL');
      expect((await join(t, w.bob, teamId, skuId)).body.code).toBe('ALREADY_IN_TEAM');
      expect((await join(t, w.alice, teamId, skuId)).body.code).toBe('ALREADY_IN_TEAM'); // the leader too
      await pay(t, w.bob, bob.orderId).expect(200);
      // Paid but not formed: search does not count them yet (its roll-up runs within 60 s).
      await t.advance(61_000);
      expect(await countedBySearch([aliceOrder, bob.orderId])).toEqual([]);
      // Not formed yet: nothing ships.
      const early = await t
        .http()
        .post(`/api/orders/${aliceOrder}/ship`)
        .set(w.wang.auth)
        .send({ carrier: 'SF', trackingNo: 'SF0001' });
      expect([early.status, early.body.code]).toEqual([409, 'TEAM_NOT_FORMED']);
      // A paid seat cannot be refunded on its own before the team forms or fails.
      const leave = await t
        .http()
        .post(`/api/orders/${bob.orderId}/refund`)
        .set(w.bob.auth)
        .send({ reason: '不想拼了' });
      expect([leave.status, leave.body.code]).toEqual([409, 'TEAM_NOT_FORMED']);
      expect((await orderOf(t, w.bob, bob.orderId)).groupBuy).toEqual({ teamId, status: 'open', leader: false });

      await pay(t, w.carol, carol.orderId).expect(200);
      const formed = await teamOf(t, teamId);
      expect(formed).toMatchObject({ status: 'formed', paidCount: 3, seatsLeft: 0 });
      expect(formed.members.map((m) => [m.nickname, m.leader, m.paidAt !== null])).toEqual([
        [w.alice.nickname, true, true],
        [w.bob.nickname, false, true],
        [w.carol.nickname, false, true],
      ]);
      expect(JSON.stringify(formed)).not.toContain('13900000001'); // never an address
      const notices = (await messages(w.family.id, w.alice)).filter((m) => m.teamId === teamId && m.type === 'system');
      expect(notices.map((m) => [m.notice, m.text])).toEqual([
        [{ kind: 'team_formed', params: { groupSize: 3 } }, '拼团成功：3 人已成团，商家即将发货'],
      ]);
      for (const [who, id] of [
        [w.alice, aliceOrder],
        [w.bob, bob.orderId],
        [w.carol, carol.orderId],
      ] as const) {
        const order = await orderOf(t, who, id);
        expect(order).toMatchObject({ kind: 'group_buy', status: 'paid', scene: 'group_chat', domain: 'private' });
        expect(order.groupBuy).toEqual({ teamId, status: 'formed', leader: who === w.alice });
        await t
          .http()
          .post(`/api/orders/${id}/ship`)
          .set(w.wang.auth)
          .send({ carrier: 'SF', trackingNo: `SF-${id}` })
          .expect(200);
      }
      const ledger = await ledgerOf(shopId, w.wang);
      expect(ledger.totals.paidFen).toBe(7800 + 3900 + 3900);
      // Formed: search counts the three orders; scene analytics shows them as private group-chat sales.
      await t.advance(61_000);
      expect(await countedBySearch([aliceOrder, bob.orderId, carol.orderId])).toEqual(
        [aliceOrder, bob.orderId, carol.orderId].sort(),
      );
      const scenes = (await t.http().get(`/api/shops/${shopId}/analytics/scenes`).set(w.wang.auth).expect(200)).body;
      expect(scenes).toEqual([
        expect.objectContaining({ scene: 'group_chat', domain: 'private', orders: 3, gmvFen: 7800 + 3900 + 3900 }),
      ]);
      // The merchant's console lists the deal with its formed team.
      const deals = (await t.http().get(`/api/shops/${shopId}/group-deals`).set(w.wang.auth).expect(200)).body;
      expect(deals[0].teams).toMatchObject({ formed: 1, open: 0 });
      const teams = (await t.http().get(`/api/group-deals/${deal.id}/teams`).set(w.wang.auth).expect(200))
        .body as TeamView[];
      expect(teams.map((x) => x.id)).toEqual([teamId]);
      expect((await t.http().get(`/api/group-deals/${deal.id}/teams`).set(w.alice.auth)).status).toBe(403);
      const mine = (await t.http().get('/api/group-buys?role=mine').set(w.carol.auth).expect(200)).body as TeamView[];
      expect(mine.map((x) => x.id)).toContain(teamId);
    });

    it('a chat the leader is not in is 404; a released seat is free again; a leader who never pays cancels the team', async () => {
      const { deal, skuId } = await dealOn(t, w.wang, { groupSize: 2 });
      const stranger = await t.login('o_gb_stranger');
      const notMember = await t
        .http()
        .post('/api/group-buys')
        .set(stranger.auth)
        .send({ dealId: deal.id, chatId: w.family.id, ...seat(stranger, skuId) });
      expect(notMember.status).toBe(404);

      const unpaid = (
        await t
          .http()
          .post('/api/group-buys')
          .set(w.alice.auth)
          .send({ dealId: deal.id, ...seat(w.alice, skuId) })
          .expect(201)
      ).body;
      await t.advance(15 * 60_000 + 1000); // the unpaid timeout
      expect(await teamOf(t, unpaid.teamId)).toMatchObject({ status: 'cancelled', members: [] });
      expect((await orderOf(t, w.alice, unpaid.orderId)).status).toBe('cancelled');

      const team = await openTeam(t, w.alice, deal.id, skuId);
      const bob = (await join(t, w.bob, team.teamId, skuId).expect(201)).body;
      expect((await join(t, w.carol, team.teamId, skuId)).body.code).toBe('TEAM_FULL');
      await t.http().post(`/api/orders/${bob.orderId}/cancel`).set(w.bob.auth).expect(200);
      expect(await teamOf(t, team.teamId)).toMatchObject({ seatsLeft: 1 });
      // Paying for the released seat is refused, and nothing is charged.
      const late = await pay(t, w.bob, bob.orderId);
      expect(late.status).toBe(409);
      const carol = (await join(t, w.carol, team.teamId, skuId).expect(201)).body;
      await pay(t, w.carol, carol.orderId).expect(200);
      expect(await teamOf(t, team.teamId)).toMatchObject({ status: 'formed', paidCount: 2 });
      const [{ n }] = await t.sql<{ n: number }>(
        "SELECT count(*)::int AS n FROM payments WHERE order_id = $1 AND status = 'succeeded'",
        [bob.orderId],
      );
      expect(n).toBe(0);
    });
  });

  describe('a team that fails', () => {
    it('refunds every paid member in full, once; cancels the unpaid; stock returns; the ledger nets to zero', async () => {
      const { deal, skuId, shopId } = await dealOn(t, w.wang, { groupSize: 4, windowHours: 2, stock: 20 });
      const team = await openTeam(t, w.alice, deal.id, skuId, { chatId: w.family.id });
      const bob = (await join(t, w.bob, team.teamId, skuId).expect(201)).body;
      await pay(t, w.bob, bob.orderId).expect(200);
      await t.advance(HOUR); // a held seat's order would be cancelled after 15 min: join later
      const carol = (await join(t, w.carol, team.teamId, skuId).expect(201)).body;
      expect(await stockOf(t, skuId)).toBe(17);
      await t.advance(HOUR - 60_000);
      expect((await teamOf(t, team.teamId)).status).toBe('open');
      await t.advance(60_000); // the deadline
      const failed = await teamOf(t, team.teamId);
      expect(failed).toMatchObject({ status: 'failed', paidCount: 2 });
      expect((await orderOf(t, w.alice, team.orderId)).status).toBe('refunded');
      expect(await orderOf(t, w.bob, bob.orderId)).toMatchObject({ status: 'refunded', refundedFen: 3900 });
      expect((await orderOf(t, w.carol, carol.orderId)).status).toBe('cancelled');
      expect(await stockOf(t, skuId)).toBe(20);
      // Joining or paying after the deadline is refused.
      expect((await join(t, w.dave, team.teamId, skuId)).body.code).toBe('TEAM_CLOSED');
      // Once, however often the deadline's work runs again.
      await t.advance(HOUR);
      const refunds = await t.sql<{ order_id: string; amount_fen: number }>(
        'SELECT order_id, amount_fen FROM refunds WHERE order_id = ANY($1) ORDER BY order_id',
        [[team.orderId, bob.orderId, carol.orderId]],
      );
      expect(refunds.map((r) => r.amount_fen)).toEqual([3900, 3900]);
      const ledger = await ledgerOf(shopId, w.wang);
      expect(ledger.totals).toMatchObject({ paidFen: 7800, refundedFen: 7800, feeFen: 0, pendingFen: 0 });
      // A failed team's orders never count: not for search, not in scene analytics.
      await t.advance(61_000);
      expect(await countedBySearch([team.orderId, bob.orderId])).toEqual([]);
      const scenes = (await t.http().get(`/api/shops/${shopId}/analytics/scenes`).set(w.wang.auth).expect(200)).body;
      expect(scenes.reduce((n: number, r: { orders: number }) => n + r.orders, 0)).toBe(0);
      const notices = (await messages(w.family.id, w.alice)).filter(
        (m) => m.teamId === team.teamId && m.type === 'system',
      );
      expect(notices.map((m) => m.notice)).toEqual([{ kind: 'team_failed', params: { paid: 2 } }]);
    });

    it('a seat paid after the deadline, before the deadline job ran, is refused and charges nothing', async () => {
      const { deal, skuId } = await dealOn(t, w.wang, { groupSize: 3, windowHours: 1 });
      const team = await openTeam(t, w.alice, deal.id, skuId);
      await t.advance(HOUR - 5 * 60_000);
      const bob = (await join(t, w.bob, team.teamId, skuId).expect(201)).body;
      // Past the deadline, with the job not yet run (the clock moved by SQL, no job polled).
      await t.sql("UPDATE group_teams SET expires_at = now() - interval '1 second' WHERE id = $1", [team.teamId]);
      const res = await pay(t, w.bob, bob.orderId);
      expect([res.status, res.body.code]).toEqual([409, 'TEAM_CLOSED']);
      const [{ n }] = await t.sql<{ n: number }>(
        "SELECT count(*)::int AS n FROM payments WHERE order_id = $1 AND status = 'succeeded'",
        [bob.orderId],
      );
      expect(n).toBe(0);
    });
  });

  describe('races on real PostgreSQL', () => {
    it('30 joiners racing for 4 seats: exactly 4 hold and pay; the rest are TEAM_FULL', async () => {
      const { deal, skuId } = await dealOn(t, w.wang, { groupSize: 5 });
      const team = await openTeam(t, w.alice, deal.id, skuId);
      const racers = await shoppers(t, 'o_gb_race_', 30);
      const joins = await Promise.all(racers.map((r) => join(t, r, team.teamId, skuId)));
      const won = joins.filter((r) => r.status === 201);
      expect(won).toHaveLength(4);
      expect(joins.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual(Array(26).fill('TEAM_FULL'));
      const pays = await Promise.all(
        joins.map((r, i) => (r.status === 201 ? pay(t, racers[i], r.body.orderId) : null)).filter((p) => p !== null),
      );
      expect(pays.map((p) => p.status)).toEqual([200, 200, 200, 200]);
      const formed = await teamOf(t, team.teamId);
      expect(formed).toMatchObject({ status: 'formed', paidCount: 5 });
      const [{ paid }] = await t.sql<{ paid: number }>(
        "SELECT count(*)::int AS paid FROM group_seats WHERE team_id = $1 AND status = 'paid'",
        [team.teamId],
      );
      expect(paid).toBe(5);
    });

    it('one user joining from 10 concurrent requests gets one seat', async () => {
      const { deal, skuId } = await dealOn(t, w.wang, { groupSize: 5 });
      const team = await openTeam(t, w.alice, deal.id, skuId);
      const [me] = await shoppers(t, 'o_gb_dup_', 1);
      const answers = await Promise.all(Array.from({ length: 10 }, () => join(t, me, team.teamId, skuId)));
      expect(answers.filter((r) => r.status === 201)).toHaveLength(1);
      expect(new Set(answers.filter((r) => r.status !== 201).map((r) => r.body.code))).toEqual(
        new Set(['ALREADY_IN_TEAM']),
      );
      const [{ n }] = await t.sql<{ n: number }>(
        'SELECT count(*)::int AS n FROM orders o JOIN group_seats s ON s.order_id = o.id WHERE s.team_id = $1 AND o.buyer_id = $2',
        [team.teamId, me.userId],
      );
      expect(n).toBe(1);
      expect(await teamOf(t, team.teamId)).toMatchObject({ seatsLeft: 3 });
    });

    it('joins racing the deadline: each is a seat before it or TEAM_CLOSED after; the team fails with all cancelled', async () => {
      const { deal, skuId } = await dealOn(t, w.wang, { groupSize: 10, windowHours: 1 });
      const team = await openTeam(t, w.alice, deal.id, skuId);
      await t.advance(HOUR - 50);
      const racers = await shoppers(t, 'o_gb_deadline_', 8);
      const [answers] = await Promise.all([
        Promise.all(racers.map((r) => join(t, r, team.teamId, skuId))),
        t.advance(100),
      ]);
      for (const a of answers) expect([201, 409]).toContain(a.status);
      expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'TEAM_CLOSED')).toBe(true);
      await t.advance(1000); // the deadline job, if a join held its seat through the first run
      const failed = await teamOf(t, team.teamId);
      expect(failed).toMatchObject({ status: 'failed' });
      const seats = await t.sql<{ status: string; order_status: string }>(
        `SELECT s.status, o.status AS order_status FROM group_seats s JOIN orders o ON o.id = s.order_id
          WHERE s.team_id = $1 AND NOT s.leader`,
        [team.teamId],
      );
      expect(seats.length).toBe(answers.filter((a) => a.status === 201).length);
      for (const s of seats) expect([s.status, s.order_status]).toEqual(['released', 'cancelled']);
    });

    it('paying races a seat’s release: either paid with the seat, or refused with nothing charged', async () => {
      const { deal, skuId } = await dealOn(t, w.wang, { groupSize: 3 });
      const team = await openTeam(t, w.alice, deal.id, skuId);
      const racers = await shoppers(t, 'o_gb_release_', 2);
      for (const r of racers) {
        const joined = (await join(t, r, team.teamId, skuId).expect(201)).body;
        const [paid, cancelled] = await Promise.all([
          pay(t, r, joined.orderId),
          t.http().post(`/api/orders/${joined.orderId}/cancel`).set(r.auth),
        ]);
        expect([paid.status, cancelled.status].sort()).toEqual([200, 409]);
        const [row] = await t.sql<{ seat: string; order: string; charged: number }>(
          `SELECT s.status AS seat, o.status AS order,
                  (SELECT count(*)::int FROM payments p WHERE p.order_id = o.id AND p.status = 'succeeded') AS charged
             FROM group_seats s JOIN orders o ON o.id = s.order_id WHERE s.order_id = $1`,
          [joined.orderId],
        );
        if (paid.status === 200) expect(row).toEqual({ seat: 'paid', order: 'paid', charged: 1 });
        else expect(row).toEqual({ seat: 'released', order: 'cancelled', charged: 0 });
      }
      const [{ paid, held }] = await t.sql<{ paid: number; held: number }>(
        'SELECT paid, held FROM group_teams WHERE id = $1',
        [team.teamId],
      );
      const [{ seats }] = await t.sql<{ seats: number }>(
        "SELECT count(*)::int AS seats FROM group_seats WHERE team_id = $1 AND status = 'paid'",
        [team.teamId],
      );
      expect([paid, held]).toEqual([seats, 0]);
    });
  });

  describe('input', () => {
    it('refuses bad joins with a 4xx naming the field, and takes no seat', async () => {
      const { deal, skuId } = await dealOn(t, w.wang, { groupSize: 3 });
      const team = await openTeam(t, w.alice, deal.id, skuId);
      const other = await dealOn(t, w.wang, { groupSize: 3 });
      const post = (body: Record<string, unknown>) =>
        t.http().post(`/api/group-buys/${team.teamId}/join`).set(w.bob.auth).send(body);
      const cases: [Record<string, unknown>, number, string][] = [
        [{ ...seat(w.bob, skuId), quantity: 0 }, 400, 'quantity'],
        [{ ...seat(w.bob, skuId), skuId: 'nope' }, 400, 'skuId'],
        [seat(w.bob, other.skuId), 404, 'skuId'],
        [{ ...seat(w.bob, skuId), scene: 'search' }, 400, 'scene'],
        [{ skuId, quantity: 1 }, 400, 'address'],
      ];
      for (const [body, status, says] of cases) {
        const res = await post(body);
        expect([res.status, res.body.message]).toEqual([status, expect.stringContaining(says)]);
      }
      expect(
        (await t.http().post(`/api/group-buys/${w.bob.userId}/join`).set(w.bob.auth).send(seat(w.bob, skuId))).status,
      ).toBe(404);
      expect((await t.http().get(`/api/group-buys/${w.bob.userId}`)).status).toBe(404);
      expect(await teamOf(t, team.teamId)).toMatchObject({ seatsLeft: 2 });
    });
  });
});
