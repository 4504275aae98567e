import { Injectable, OnModuleInit } from '@nestjs/common';
import { decayed, SEARCH_RANKING } from '@giftshop/shared';
import { EntityManager } from 'typeorm';
import { ClockService } from '../clock/clock.service';
import { Order } from '../orders/order.entity';
import { EventBus } from '../events/event-bus';

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

const H = SEARCH_RANKING.halfLifeMs;

/** The two tables of decayed signals; a product's also counts its orders (conversion). */
const SCOPES = {
  product: { table: 'product_search_signals', key: 'product_id', counts: true },
  shop: { table: 'shop_search_signals', key: 'shop_id', counts: false },
} as const;

/** SQL that decays column `c` of table alias `t` from its ref_at to $2 and adds `add`. */
const rebased = (t: string, c: string, add: string) =>
  `GREATEST(0, ${t}.${c} * power(0.5::float8, GREATEST(0::float8, extract(epoch FROM ($2::timestamptz - ${t}.ref_at))::float8) * 1000 / ${H}) + ${add})`;

/**
 * Keeps the search ranking's signals as orders are paid and refunded, in their transactions, so a
 * query never scans orders. A paid order counts unless the buyer owns the shop or has passed the
 * daily cap of counted orders at that shop; it adds 1 order and its goods value (freight
 * excluded) to each of its products and to its shop, in its domain. A refund takes back exactly
 * what its order added, decayed by the time since: all of it for an order, a unit's worth for a
 * gift unit (the order itself when its last unit goes).
 */
@Injectable()
export class SearchSignalsService implements OnModuleInit {
  constructor(
    private readonly clock: ClockService,
    private readonly events: EventBus,
  ) {}

  onModuleInit(): void {
    this.events.inTransaction('order.paid', 'search-signals', (tx, { order }) => this.onPaid(tx, order));
    // The conversion rate counts views as they happen, with the view.
    this.events.inTransaction('product.viewed', 'search-signals', (tx, { productId }) => this.onViewed(tx, productId));
    this.events.inTransaction('refund.made', 'search-signals', (tx, refund) =>
      this.onRefunded(tx, refund.orderId, refund.unitId, refund.amountFen),
    );
  }

  private async onViewed(tx: EntityManager, productId: string): Promise<void> {
    await tx.query(
      `INSERT INTO product_search_signals (product_id, ref_at, views) VALUES ($1, $2, 1)
       ON CONFLICT (product_id) DO UPDATE SET views = product_search_signals.views + 1`,
      [productId, this.clock.now()],
    );
  }

  private async onPaid(tx: EntityManager, order: Order): Promise<void> {
    const now = this.clock.now();
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
    }
    const goodsFen = items.reduce((sum, i) => sum + i.gmv_fen, 0);
    await this.add(tx, 'shop', order.shopId, now, { domain: order.domain, orders: 1, gmvYuan: goodsFen / 100 });
  }

  private async onRefunded(
    tx: EntityManager,
    orderId: string,
    unitId: string | null,
    amountFen: number,
  ): Promise<void> {
    const rows: Counted[] = await tx.query(
      'SELECT product_id, shop_id, domain, gmv_fen, counted_at FROM search_counted_orders WHERE order_id = $1 FOR UPDATE',
      [orderId],
    );
    if (rows.length === 0) return;
    const now = this.clock.now();
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
    }
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
