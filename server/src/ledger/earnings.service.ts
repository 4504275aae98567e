import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EarningsTotals, EarningsView, EarningsWithdrawalView, SharerRowView } from '@giftshop/shared';
import { DataSource, EntityManager } from 'typeorm';
import { ShopsService } from '../catalog/shops.service';
import { ClockService } from '../clock/clock.service';
import { ConflictError } from '../common/domain-errors';
import { IdempotencyService } from '../idempotency/idempotency.service';

const MAX_ENTRIES = 200;

/**
 * 推客: what sharers earn (their side of the commissions the ledger books) and withdraw, and each
 * shop's table of who sells for it. An earning is pending until its order settles, available
 * after, and reversed in proportion by refunds.
 */
@Injectable()
export class EarningsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: ClockService,
    private readonly shops: ShopsService,
    private readonly idempotency: IdempotencyService,
  ) {}

  async earnings(sharerId: string): Promise<EarningsView> {
    const rows: {
      order_id: string;
      product_id: string;
      title: string;
      amount_fen: string;
      reversed_fen: string;
      released_at: Date | null;
      created_at: Date;
    }[] = await this.db.query(
      `SELECT s.order_id, s.product_id, p.title, s.amount_fen, s.reversed_fen, s.released_at, s.created_at
         FROM sharer_earnings s JOIN products p ON p.id = s.product_id
        WHERE s.sharer_id = $1 ORDER BY s.created_at DESC, s.order_id, s.product_id LIMIT $2`,
      [sharerId, MAX_ENTRIES],
    );
    return {
      entries: rows.map((r) => ({
        orderId: r.order_id,
        productId: r.product_id,
        productTitle: r.title,
        amountFen: Number(r.amount_fen) - Number(r.reversed_fen),
        status: r.reversed_fen === r.amount_fen ? 'reversed' : r.released_at ? 'available' : 'pending',
        at: r.created_at.toISOString(),
      })),
      totals: await this.totals(this.db.manager, sharerId),
    };
  }

  /** Takes available earnings out, the sharer's withdrawals one at a time (their user row's lock). */
  withdraw(sharerId: string, amountFen: number, key?: string): Promise<EarningsWithdrawalView> {
    return this.idempotency.run(
      { userId: sharerId, scope: 'earnings.withdraw', key, request: { amountFen } },
      async (tx) => {
        await tx.query('SELECT 1 FROM users WHERE id = $1 FOR NO KEY UPDATE', [sharerId]);
        const before = await this.totals(tx, sharerId);
        if (amountFen > before.availableFen) {
          throw new ConflictError(
            'INSUFFICIENT_AVAILABLE',
            `amountFen ${amountFen} is more than the ${before.availableFen} fen available to withdraw`,
          );
        }
        const now = this.clock.now();
        const [row]: { id: string }[] = await tx.query(
          'INSERT INTO sharer_withdrawals (sharer_id, amount_fen, created_at) VALUES ($1, $2, $3) RETURNING id',
          [sharerId, amountFen, now],
        );
        return { id: row.id, amountFen, at: now.toISOString(), totals: await this.totals(tx, sharerId) };
      },
    );
  }

  /** The shop's sharers, by the GMV they brought (owner only). */
  async sharersOf(userId: string, shopId: string): Promise<SharerRowView[]> {
    await this.shops.findOwned(shopId, userId);
    const rows: { sharer_id: string; nickname: string; orders: number; gmv: string; commission: string }[] =
      await this.db.query(
        `SELECT s.sharer_id, u.nickname, count(DISTINCT s.order_id)::int AS orders,
                SUM(s.base_fen - LEAST(s.base_fen, round(s.base_fen * r.refunded::numeric / o.total_fen))) AS gmv,
                SUM(s.amount_fen - s.reversed_fen) AS commission
           FROM sharer_earnings s JOIN users u ON u.id = s.sharer_id JOIN orders o ON o.id = s.order_id
           CROSS JOIN LATERAL (SELECT COALESCE(SUM(f.amount_fen), 0) AS refunded FROM refunds f
                                WHERE f.order_id = s.order_id) r
          WHERE s.shop_id = $1
          GROUP BY s.sharer_id, u.nickname
          ORDER BY gmv DESC, commission DESC, s.sharer_id`,
        [shopId],
      );
    return rows.map((r) => ({
      sharerId: r.sharer_id,
      nickname: r.nickname,
      orders: r.orders,
      gmvFen: Number(r.gmv),
      commissionFen: Number(r.commission),
    }));
  }

  private async totals(manager: EntityManager, sharerId: string): Promise<EarningsTotals> {
    const [t]: { pending: string; released: string; withdrawn: string }[] = await manager.query(
      `SELECT COALESCE(SUM(amount_fen - reversed_fen) FILTER (WHERE released_at IS NULL), 0) AS pending,
              COALESCE(SUM(amount_fen - reversed_fen) FILTER (WHERE released_at IS NOT NULL), 0) AS released,
              (SELECT COALESCE(SUM(amount_fen), 0) FROM sharer_withdrawals WHERE sharer_id = $1) AS withdrawn
         FROM sharer_earnings WHERE sharer_id = $1`,
      [sharerId],
    );
    const withdrawnFen = Number(t.withdrawn);
    return { pendingFen: Number(t.pending), availableFen: Number(t.released) - withdrawnFen, withdrawnFen };
  }
}
