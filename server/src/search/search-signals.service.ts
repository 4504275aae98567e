import { Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { decayed, ORDER_KINDS, SEARCH_RANKING } from '@giftshop/shared';
import { DataSource, EntityManager } from 'typeorm';
import { ClockService } from '../clock/clock.service';
import { runInTransaction } from '../database/run-in-transaction';
import { EventBus } from '../events/event-bus';
import { JobsService } from '../jobs/jobs.service';
import { retierSql } from './search-ranking-sql';

interface Counted {
  product_id: string;
  shop_id: string;
  domain: 'public' | 'private';
  gmv_fen: number;
  counted_at: Date;
}

/** One change to a product's or shop's decayed sales, in orders and yuan, as of `now`. */
interface Delta {
  domain: 'public' | 'private';
  orders: number;
  gmvYuan: number;
}

/** What a payment, a refund or a view appended (search_signal_events), to be rolled up. */
interface SignalEvent {
  id: string;
  kind: 'paid' | 'refunded' | 'viewed';
  order_id: string | null;
  unit_id: string | null;
  amount_fen: number | null;
  product_id: string | null;
  at: Date;
}

/** The part of a paid order its counting needs. */
interface PaidOrder {
  id: string;
  shopId: string;
  buyerId: string;
  domain: 'public' | 'private';
}

/** Products and shops whose signals a roll-up changed: their tiers follow. */
interface Touched {
  products: Set<string>;
  shops: Set<string>;
}

const H = SEARCH_RANKING.halfLifeMs;
/**
 * How often the roll-up job runs (a recurring job: once per 30 s of the clock). Sales and
 * conversion may lag 60 s (product decision, issue 14): 30 s leaves room for the job poll and a
 * long roll-up.
 */
export const ROLLUP_EVERY_MS = 30_000;
export const ROLLUP_JOB = 'search.signals-rollup';
/** Events per statement of a roll-up. */
const ROLLUP_BATCH = 2_000;
/** pg_advisory_xact_lock key: one roll-up (or re-tier) at a time, across processes. */
const ROLLUP_LOCK = 1_764_000_014;

/** The two tables of decayed signals; a product's also counts its orders (conversion). */
const SCOPES = {
  product: { table: 'product_search_signals', key: 'product_id', counts: true },
  shop: { table: 'shop_search_signals', key: 'shop_id', counts: false },
} as const;

/** SQL that decays column `c` of table alias `t` from its ref_at to $2 and adds `add`. */
const rebased = (t: string, c: string, add: string) =>
  `GREATEST(0, ${t}.${c} * power(0.5::float8, GREATEST(0::float8, extract(epoch FROM ($2::timestamptz - ${t}.ref_at))::float8) * 1000 / ${H}) + ${add})`;

/**
 * Keeps the search ranking's signals, off the transactions of payments, refunds and views: those
 * only append an event (search_signal_events: an insert, no shared row), and a roll-up applies the
 * events in order, in a transaction of its own, within the allowed lag (60 s) — by a job every
 * 30 s, and before a search or an explain reads the signals when no other roll-up is running.
 *
 * The counting is as before, as of each event's time: a paid order counts unless the buyer owns
 * the shop or has passed the daily cap of counted orders at that shop; it adds 1 order and its
 * goods value (freight excluded) to each of its products and to its shop, in its domain. A refund
 * takes back exactly what its order added, decayed by the time since: all of it for an order, a
 * unit's worth for a gift unit (the order itself when its last unit goes). The roll-up also keeps
 * products.search_tier, the bound of each product's boost that the search stops by.
 */
@Injectable()
export class SearchSignalsService implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('SearchSignals');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: ClockService,
    private readonly events: EventBus,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    const append = (tx: EntityManager, e: Omit<SignalEvent, 'id' | 'at'>) =>
      tx.query(
        `INSERT INTO search_signal_events (kind, order_id, unit_id, amount_fen, product_id, at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [e.kind, e.order_id, e.unit_id, e.amount_fen, e.product_id, this.clock.now()],
      );
    const none = { order_id: null, unit_id: null, amount_fen: null, product_id: null };
    // An order counts once it is a sale: when paid, or (拼团) when its team forms; a failed team's never.
    this.events.inTransaction('order.paid', 'search-signals', async (tx, { order }) => {
      if (ORDER_KINDS[order.kind].saleAt === 'payment') await append(tx, { ...none, kind: 'paid', order_id: order.id });
    });
    this.events.inTransaction('team.formed', 'search-signals', async (tx, { orderIds }) => {
      for (const orderId of orderIds) await append(tx, { ...none, kind: 'paid', order_id: orderId });
    });
    this.events.inTransaction('product.viewed', 'search-signals', async (tx, { productId }) => {
      await append(tx, { ...none, kind: 'viewed', product_id: productId });
    });
    this.events.inTransaction('refund.made', 'search-signals', async (tx, refund) => {
      await append(tx, {
        ...none,
        kind: 'refunded',
        order_id: refund.orderId,
        unit_id: refund.unitId,
        amount_fen: refund.amountFen,
      });
    });
    this.jobs.registerRecurring(ROLLUP_JOB, ROLLUP_EVERY_MS, async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [ROLLUP_LOCK]);
      await this.rollup(tx);
    });
  }

  /** Tiers as the signals say (after the migration, or data loaded by hand). */
  async onApplicationBootstrap(): Promise<void> {
    await runInTransaction(this.db, async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [ROLLUP_LOCK]);
      await tx.query(retierSql('true'));
    });
  }

  /**
   * Applies the events waiting, unless another roll-up is at it (that one applies them): a search
   * sees what was paid before it, without queueing behind a roll-up under load.
   */
  async catchUp(): Promise<void> {
    // By the primary key: the table is appended to and emptied all day, its heap full of dead rows.
    const waiting: unknown[] = await this.db.query('SELECT id FROM search_signal_events ORDER BY id LIMIT 1');
    if (waiting.length === 0) return;
    try {
      await runInTransaction(this.db, async (tx) => {
        const [{ locked }]: { locked: boolean }[] = await tx.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [
          ROLLUP_LOCK,
        ]);
        if (locked) await this.rollup(tx);
      });
    } catch (err) {
      // The search answers with the signals as they are (they may lag); the job retries the roll-up.
      this.logger.error(`roll-up before a search failed: ${String(err)}`);
    }
  }

  /** Applies every waiting event in the order of its time, then re-tiers what changed. */
  private async rollup(tx: EntityManager): Promise<void> {
    const touched: Touched = { products: new Set(), shops: new Set() };
    for (;;) {
      const events: SignalEvent[] = await tx.query(
        `WITH taken AS (
           DELETE FROM search_signal_events
            WHERE id IN (SELECT id FROM search_signal_events ORDER BY id LIMIT $1)
            RETURNING id, kind, order_id, unit_id, amount_fen, product_id, at
         )
         SELECT * FROM taken`,
        [ROLLUP_BATCH],
      );
      if (events.length === 0) break;
      events.sort((a, b) => a.at.getTime() - b.at.getTime() || Number(a.id) - Number(b.id));
      const views = new Map<string, number>();
      for (const e of events) {
        if (e.kind === 'viewed') views.set(e.product_id!, (views.get(e.product_id!) ?? 0) + 1);
        else if (e.kind === 'paid') await this.onPaid(tx, e.order_id!, e.at, touched);
        else await this.onRefunded(tx, e, touched);
      }
      for (const [productId, n] of views) await this.onViewed(tx, productId, n, touched);
      if (events.length < ROLLUP_BATCH) break;
    }
    if (touched.products.size + touched.shops.size > 0) {
      await tx.query(retierSql('p.id = ANY($1::uuid[]) OR p.shop_id = ANY($2::uuid[])'), [
        [...touched.products],
        [...touched.shops],
      ]);
    }
  }

  private async onViewed(tx: EntityManager, productId: string, n: number, touched: Touched): Promise<void> {
    // The conversion rate counts views as they were recorded (a deleted product has no row to count on).
    await tx.query(
      `INSERT INTO product_search_signals (product_id, ref_at, views)
       SELECT id, $2::timestamptz, $3::int FROM products WHERE id = $1
       ON CONFLICT (product_id) DO UPDATE SET views = product_search_signals.views + $3::int`,
      [productId, this.clock.now(), n],
    );
    touched.products.add(productId);
  }

  private async onPaid(tx: EntityManager, orderId: string, now: Date, touched: Touched): Promise<void> {
    const [order]: PaidOrder[] = await tx.query(
      'SELECT id, shop_id AS "shopId", buyer_id AS "buyerId", domain FROM orders WHERE id = $1',
      [orderId],
    );
    if (!order) return;
    const [{ owner }]: { owner: boolean }[] = await tx.query('SELECT owner_id = $2 AS owner FROM shops WHERE id = $1', [
      order.shopId,
      order.buyerId,
    ]);
    if (owner) return;
    const day = new Date(now.getTime() + SEARCH_RANKING.dayOffsetMs).toISOString().slice(0, 10);
    const [{ orders }]: { orders: number }[] = await tx.query(
      `INSERT INTO search_buyer_days (shop_id, buyer_id, day, orders) VALUES ($1, $2, $3, 1)
       ON CONFLICT (shop_id, buyer_id, day) DO UPDATE SET orders = search_buyer_days.orders + 1
       RETURNING orders`,
      [order.shopId, order.buyerId, day],
    );
    if (orders > SEARCH_RANKING.dailyCapPerShop) return;

    const items: { product_id: string; gmv_fen: number }[] = await tx.query(
      `SELECT product_id, SUM(paid_fen)::bigint AS gmv_fen FROM order_items
        WHERE order_id = $1 GROUP BY product_id ORDER BY product_id`,
      [order.id],
    );
    for (const item of items) {
      await tx.query(
        `INSERT INTO search_counted_orders (order_id, product_id, shop_id, domain, gmv_fen, counted_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [order.id, item.product_id, order.shopId, order.domain, item.gmv_fen, now],
      );
      await this.add(
        tx,
        'product',
        item.product_id,
        now,
        { domain: order.domain, orders: 1, gmvYuan: item.gmv_fen / 100 },
        1,
      );
      touched.products.add(item.product_id);
    }
    const goodsFen = items.reduce((sum, i) => sum + i.gmv_fen, 0);
    await this.add(tx, 'shop', order.shopId, now, { domain: order.domain, orders: 1, gmvYuan: goodsFen / 100 });
    touched.shops.add(order.shopId);
  }

  private async onRefunded(tx: EntityManager, e: SignalEvent, touched: Touched): Promise<void> {
    const [orderId, unitId, amountFen, now] = [e.order_id!, e.unit_id, e.amount_fen ?? 0, e.at];
    const rows: Counted[] = await tx.query(
      'SELECT product_id, shop_id, domain, gmv_fen, counted_at FROM search_counted_orders WHERE order_id = $1 FOR UPDATE',
      [orderId],
    );
    if (rows.length === 0) return;
    let shopGmvYuan = 0;
    for (const row of rows) {
      // A gift unit gives back its price; an order refund gives back everything.
      const takenFen = unitId === null ? row.gmv_fen : Math.min(row.gmv_fen, amountFen);
      const left = row.gmv_fen - takenFen;
      const orderGone = left === 0 ? 1 : 0;
      const age = now.getTime() - row.counted_at.getTime();
      await this.add(
        tx,
        'product',
        row.product_id,
        now,
        { domain: row.domain, orders: -decayed(orderGone, age), gmvYuan: -decayed(takenFen / 100, age) },
        -orderGone,
      );
      if (left === 0) {
        await tx.query('DELETE FROM search_counted_orders WHERE order_id = $1 AND product_id = $2', [
          orderId,
          row.product_id,
        ]);
      } else {
        await tx.query('UPDATE search_counted_orders SET gmv_fen = $3 WHERE order_id = $1 AND product_id = $2', [
          orderId,
          row.product_id,
          left,
        ]);
      }
      shopGmvYuan += decayed(takenFen / 100, age);
      touched.products.add(row.product_id);
    }
    touched.shops.add(rows[0].shop_id);
    // The shop counted the order once: it goes when nothing of the order is left counted.
    const remaining: unknown[] = await tx.query('SELECT 1 FROM search_counted_orders WHERE order_id = $1', [orderId]);
    const age = now.getTime() - rows[0].counted_at.getTime();
    await this.add(tx, 'shop', rows[0].shop_id, now, {
      domain: rows[0].domain,
      orders: remaining.length === 0 ? -decayed(1, age) : 0,
      gmvYuan: -shopGmvYuan,
    });
  }

  /** Decays a product's or a shop's signals to now and adds `d` (and, for a product, `counted`). */
  private async add(
    tx: EntityManager,
    scope: keyof typeof SCOPES,
    id: string,
    now: Date,
    d: Delta,
    counted = 0,
  ): Promise<void> {
    const { table, key, counts } = SCOPES[scope];
    const [orders, gmv] =
      d.domain === 'private' ? ['private_orders', 'private_gmv_yuan'] : ['public_orders', 'public_gmv_yuan'];
    const added = (domain: Delta['domain'], param: string) => (d.domain === domain ? param : '0');
    await tx.query(
      `INSERT INTO ${table} AS s (${key}, ref_at, ${orders}, ${gmv}${counts ? ', orders' : ''})
       VALUES ($1, $2, GREATEST(0, $3::float8), GREATEST(0, $4::float8)${counts ? ', GREATEST(0, $5::int)' : ''})
       ON CONFLICT (${key}) DO UPDATE SET
         private_orders = ${rebased('s', 'private_orders', added('private', '$3'))},
         private_gmv_yuan = ${rebased('s', 'private_gmv_yuan', added('private', '$4'))},
         public_orders = ${rebased('s', 'public_orders', added('public', '$3'))},
         public_gmv_yuan = ${rebased('s', 'public_gmv_yuan', added('public', '$4'))},
         ${counts ? 'orders = GREATEST(0, s.orders + $5::int),' : ''}
         ref_at = GREATEST(s.ref_at, $2)`,
      [id, now, d.orders, d.gmvYuan, ...(counts ? [counted] : [])],
    );
  }
}
