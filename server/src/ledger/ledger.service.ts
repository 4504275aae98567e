import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  categoryFeeRateBps,
  DEFAULT_FEE_RATE_BPS,
  giftUnitFees,
  LedgerEntryType,
  LedgerEntryView,
  LedgerTotals,
  LedgerView,
  linesPaidByWechat,
  OPEN_AFTER_SALE_STATUSES,
  ORDER_KINDS,
  orderCommissions,
  orderFeeRateBps,
  reversedCommissionFen,
  serviceFee,
  WithdrawalView,
} from '@giftshop/shared';
import { DataSource, EntityManager } from 'typeorm';
import { ShopsService } from '../catalog/shops.service';
import { ClockService } from '../clock/clock.service';
import { deferToEnd } from '../database/before-commit';
import { prepared } from '../database/prepared';
import { ConflictError } from '../common/domain-errors';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { RefundMade } from '../events/domain-events';
import { type Order, payFenOf } from '../orders/order.entity';
import { EventBus } from '../events/event-bus';

interface EntryRow {
  id: number;
  type: LedgerEntryType;
  order_id: string | null;
  unit_id: string | null;
  amount_fen: number;
  created_at: Date;
  released_at: Date | null;
}

/** The shop's fee allowance state, read under a lock on the shop row. */
interface ShopFeeState {
  openedAt: Date;
  paidGmvFen: number;
}

/**
 * The merchant ledger. Every money movement of a shop is a signed entry written in the
 * transaction of the event that causes it:
 * - a normal order's payment: income (+paid, freight included) and its fee (−);
 * - a gift's payment: income per unit (+unit price); each unit's fee (−) when it is accepted;
 * - a refund: refund (−) and the reversal (+) of whatever fee that order or unit was charged;
 * - an order attributed to a sharer (推客): the commission (−), reversed (+) in proportion by refunds;
 * - a withdrawal (−), from available money only.
 * Entries are pending until settlement stamps `released_at`: when the order (or the gift unit)
 * completes — 7 days after delivery — and no after-sales case is open on the order.
 * So paid − refunded − fees − commissions = pending + available + withdrawn holds by construction.
 */
@Injectable()
export class LedgerService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: ClockService,
    private readonly shops: ShopsService,
    private readonly idempotency: IdempotencyService,
    private readonly events: EventBus,
  ) {}

  onModuleInit(): void {
    this.events.inTransaction('order.paid', 'ledger', async (tx, { order }) => {
      // An order shipped per unit books its income per unit as its units are made (recordGiftPayment);
      // a 节日礼券's price is income when its friend claims it (gift_card.claimed).
      if (ORDER_KINDS[order.kind].parcel === 'whole') await this.recordOrderPayment(tx, order);
      if (order.sharerId && ORDER_KINDS[order.kind].commission) await this.bookCommissions(tx, order);
    });
    this.events.inTransaction('refund.made', 'ledger', (tx, refund) => this.recordRefund(tx, refund));
    this.events.inTransaction('gift_card.claimed', 'ledger', (tx, sale) => this.recordCardSale(tx, sale));
    // A refund gave an order's card part back to its cards: for information, and commissions reverse.
    this.events.inTransaction('gift_card.returned', 'ledger', async (tx, back) => {
      await this.insert(tx, [
        { shopId: back.shopId, orderId: back.orderId, type: 'card_redemption', amountFen: -back.amountFen },
      ]);
      await this.reverseCommissions(tx, { orderId: back.orderId, refundId: null }, back.shopId);
    });
    this.events.inTransaction('fulfilment.completed', 'ledger', (tx, { fulfilment }) =>
      this.release(tx, fulfilment.orderId),
    );
  }

  /**
   * A normal order was paid: its income — what WeChat Pay took; money a gift card paid entered the
   * ledger when the card was claimed, so that part is a `card_redemption` entry outside the totals —
   * and its fee on that income at the highest rate among its items. The shop's GMV counter, which
   * every payment of the shop takes in turn, is taken at the end of the transaction
   * (before-commit.ts), so a hot shop's payments queue on it only for a moment.
   */
  async recordOrderPayment(tx: EntityManager, order: Order): Promise<void> {
    const incomeFen = payFenOf(order);
    const {
      rows: [{ opened_at: openedAt, categories }],
    } = await prepared<{ opened_at: Date; categories: string[] }>(
      tx,
      'ledger.order_fee_basis',
      `SELECT s.opened_at, ARRAY(SELECT DISTINCT p.category_code FROM order_items i
                                   JOIN products p ON p.id = i.product_id WHERE i.order_id = $2) AS categories
         FROM shops s WHERE s.id = $1`,
      [order.shopId, order.id],
    );
    const categoryRateBps = orderFeeRateBps(categories);
    await deferToEnd(tx, async () => {
      const priorGmvFen = await this.addGmv(tx, order.shopId, incomeFen);
      const { feeFen } = serviceFee({
        amountFen: incomeFen,
        categoryRateBps,
        shopOpenedAt: openedAt,
        paidAt: this.clock.now(),
        priorNewMerchantGmvFen: priorGmvFen,
      });
      await this.insert(tx, [
        { shopId: order.shopId, orderId: order.id, type: 'income', amountFen: incomeFen },
        { shopId: order.shopId, orderId: order.id, type: 'fee', amountFen: -feeFen },
        { shopId: order.shopId, orderId: order.id, type: 'card_redemption', amountFen: order.giftCardFen },
      ]);
    });
  }

  /**
   * A friend claimed a 节日礼券: its price is income now, charged the default rate (or the
   * new-merchant 1%). Settled 7 days after the claim (releaseCardSale), as a delivery is.
   */
  private async recordCardSale(
    tx: EntityManager,
    sale: { orderId: string; shopId: string; amountFen: number },
  ): Promise<void> {
    const shop = await this.lockShop(tx, sale.shopId, sale.amountFen);
    const { feeFen } = serviceFee({
      amountFen: sale.amountFen,
      categoryRateBps: DEFAULT_FEE_RATE_BPS,
      shopOpenedAt: shop.openedAt,
      paidAt: this.clock.now(),
      priorNewMerchantGmvFen: shop.paidGmvFen,
    });
    await this.insert(tx, [
      { shopId: sale.shopId, orderId: sale.orderId, type: 'income', amountFen: sale.amountFen },
      { shopId: sale.shopId, orderId: sale.orderId, type: 'fee', amountFen: -feeFen },
    ]);
  }

  /** A claimed card's money becomes available (7 days after the claim: no return window to wait for). */
  async releaseCardSale(tx: EntityManager, orderId: string): Promise<void> {
    await tx.query('UPDATE ledger_entries SET released_at = $2 WHERE order_id = $1 AND released_at IS NULL', [
      orderId,
      this.clock.now(),
    ]);
  }

  /**
   * 推客: the sharer the order is attributed to earns on each product of it — round-half-up(the
   * product's rate at payment × what WeChat Pay paid for its lines, freight excluded; a gift card's
   * part of them is not new money: linesPaidByWechat). The merchant's `commission` entry (−) and
   * the sharer's pending earnings, in the payment's transaction.
   */
  private async bookCommissions(tx: EntityManager, order: Order): Promise<void> {
    const paid: { productId: string; paidFen: number; commissionBps: number }[] = await tx.query(
      `SELECT i.product_id AS "productId", i.paid_fen AS "paidFen", p.commission_bps AS "commissionBps"
         FROM order_items i JOIN products p ON p.id = i.product_id WHERE i.order_id = $1 ORDER BY i.id`,
      [order.id],
    );
    const wechat = linesPaidByWechat(
      paid.map((l) => l.paidFen),
      order.freightFen,
      order.giftCardFen,
    );
    const commissions = orderCommissions(paid.map((l, i) => ({ ...l, paidFen: wechat[i] })));
    if (commissions.length === 0) return;
    await tx.query(
      `INSERT INTO sharer_earnings (order_id, product_id, sharer_id, shop_id, base_fen, commission_bps, amount_fen, created_at)
       SELECT $1, c.product_id, $2, $3, c.base_fen, c.bps, c.amount_fen, $7
         FROM unnest($4::uuid[], $5::bigint[], $6::int[], $8::bigint[]) AS c(product_id, base_fen, bps, amount_fen)`,
      [
        order.id,
        order.sharerId,
        order.shopId,
        commissions.map((c) => c.productId),
        commissions.map((c) => c.baseFen),
        commissions.map((c) => c.commissionBps),
        this.clock.now(),
        commissions.map((c) => c.commissionFen),
      ],
    );
    const total = commissions.reduce((sum, c) => sum + c.commissionFen, 0);
    await this.insert(tx, [{ shopId: order.shopId, orderId: order.id, type: 'commission', amountFen: -total }]);
  }

  /**
   * A refund of an order with commissions: each earning stands reversed in proportion to what has
   * gone back of what the order cost — to WeChat Pay and to its gift cards — (running total, so
   * never more than was booked), and the merchant's `commission_reversal` (+) is what moved now.
   */
  private async reverseCommissions(
    tx: EntityManager,
    refund: { orderId: string; refundId: string | null },
    shopId: string,
  ): Promise<void> {
    const earnings: { product_id: string; amount_fen: string; reversed_fen: string; paid: number; refunded: string }[] =
      await tx.query(
        `SELECT s.product_id, s.amount_fen, s.reversed_fen, o.total_fen AS paid,
                (SELECT COALESCE(SUM(r.amount_fen), 0) FROM refunds r WHERE r.order_id = s.order_id)
                + (SELECT COALESCE(SUM(p.amount_fen), 0) FROM gift_card_payments p
                    WHERE p.order_id = s.order_id AND p.status = 'returned') AS refunded
           FROM sharer_earnings s JOIN orders o ON o.id = s.order_id
          WHERE s.order_id = $1 ORDER BY s.product_id FOR UPDATE OF s`,
        [refund.orderId],
      );
    let moved = 0;
    for (const e of earnings) {
      const target = reversedCommissionFen(Number(e.amount_fen), Number(e.refunded), e.paid);
      const delta = target - Number(e.reversed_fen);
      if (delta <= 0) continue;
      moved += delta;
      await tx.query('UPDATE sharer_earnings SET reversed_fen = $3 WHERE order_id = $1 AND product_id = $2', [
        refund.orderId,
        e.product_id,
        target,
      ]);
    }
    await this.insert(tx, [
      { shopId, orderId: refund.orderId, refundId: refund.refundId, type: 'commission_reversal', amountFen: moved },
    ]);
  }

  /**
   * A gift was paid (its units exist): income per unit, and each unit's fee fixed now — the
   * new-merchant allowance is counted at payment — to be charged when the unit is accepted.
   */
  async recordGiftPayment(
    tx: EntityManager,
    gift: { orderId: string; shopId: string; categoryCode: string; unitsPaidFen: readonly number[] },
  ): Promise<void> {
    const totalFen = gift.unitsPaidFen.reduce((sum, fen) => sum + fen, 0);
    const shop = await this.lockShop(tx, gift.shopId, totalFen);
    const fees = giftUnitFees({
      unitsPaidFen: gift.unitsPaidFen,
      categoryRateBps: categoryFeeRateBps(gift.categoryCode),
      shopOpenedAt: shop.openedAt,
      paidAt: this.clock.now(),
      priorNewMerchantGmvFen: shop.paidGmvFen,
    });
    await tx.query(
      `INSERT INTO ledger_unit_fees (unit_id, fee_fen)
       SELECT u.id, f.fee FROM unnest($2::int[]) WITH ORDINALITY AS f(fee, idx)
         JOIN gifts g ON g.order_id = $1 JOIN gift_units u ON u.gift_id = g.id AND u.idx = f.idx
        WHERE f.fee > 0`,
      [gift.orderId, fees],
    );
    await tx.query(
      `INSERT INTO ledger_entries (shop_id, order_id, unit_id, type, amount_fen, created_at)
       SELECT $2, g.order_id, u.id, 'income', u.paid_fen, $3
         FROM gifts g JOIN gift_units u ON u.gift_id = g.id
        WHERE g.order_id = $1 AND u.paid_fen > 0
        ORDER BY u.idx`,
      [gift.orderId, gift.shopId, this.clock.now()],
    );
  }

  /**
   * The statement part that charges accepted units' fees, for the batched claim statement
   * (ClaimsService): the ledger's SQL, run there so a batch of claims stays one round trip.
   * Expects CTEs `g` (order_id) and `taken` (id: the units accepted); $5 is now.
   */
  static chargeUnitFeeSql(): string {
    return `INSERT INTO ledger_entries (shop_id, order_id, unit_id, type, amount_fen, created_at)
           SELECT o.shop_id, o.id, taken.id, 'fee', -f.fee_fen, $5
             FROM g JOIN orders o ON o.id = g.order_id, taken JOIN ledger_unit_fees f ON f.unit_id = taken.id`;
  }

  /**
   * A gift unit was accepted: its fee is charged. The one-statement claim (ClaimsService) inserts
   * the same entry inside its statement; this is for claims that run as a transaction.
   */
  async chargeUnitFee(tx: EntityManager, unitId: string): Promise<void> {
    await tx.query(
      `INSERT INTO ledger_entries (shop_id, order_id, unit_id, type, amount_fen, created_at)
       SELECT o.shop_id, o.id, u.id, 'fee', -f.fee_fen, $2
         FROM ledger_unit_fees f JOIN gift_units u ON u.id = f.unit_id JOIN gifts g ON g.id = u.gift_id
         JOIN orders o ON o.id = g.order_id
        WHERE f.unit_id = $1`,
      [unitId, this.clock.now()],
    );
  }

  /**
   * Money went back to the buyer: a refund entry, and the reversal of the fee the order (or the
   * gift unit, when `unitId` is given) was charged. PaymentsService tells it of every refund
   * actually made (a repeated refund key makes none). A payment that arrived after its order was
   * cancelled never reached the ledger, so its refund does not.
   */
  private async recordRefund(tx: EntityManager, refund: RefundMade): Promise<void> {
    const [scope]: { shop_id: string; income: number; fees: number }[] = await tx.query(
      `SELECT o.shop_id,
              COALESCE(SUM(e.amount_fen) FILTER (WHERE e.type = 'income'), 0)::bigint AS income,
              COALESCE(SUM(e.amount_fen) FILTER (WHERE e.type IN ('fee', 'fee_reversal')), 0)::bigint AS fees
         FROM orders o LEFT JOIN ledger_entries e
           ON e.order_id = o.id AND e.unit_id IS NOT DISTINCT FROM $2::uuid
        WHERE o.id = $1
        GROUP BY o.shop_id`,
      [refund.orderId, refund.unitId],
    );
    if (!scope || scope.income === 0) return;
    const base = { shopId: scope.shop_id, orderId: refund.orderId, unitId: refund.unitId, refundId: refund.refundId };
    await this.insert(tx, [
      { ...base, type: 'refund', amountFen: -refund.amountFen },
      { ...base, type: 'fee_reversal', amountFen: -scope.fees },
    ]);
    // Gift units carry no commission; an order's refunds reverse its sharer's in proportion.
    if (refund.unitId === null) await this.reverseCommissions(tx, refund, scope.shop_id);
  }

  /**
   * Settlement: the money of an order's completed parcels becomes available — the whole order's
   * entries once its parcel completed, a gift unit's once the unit's parcel did. While an
   * after-sales case is open on the order, nothing of it moves; closing the case calls this again.
   */
  async release(tx: EntityManager, orderId: string): Promise<void> {
    await tx.query(
      `UPDATE ledger_entries e SET released_at = $2
        WHERE e.order_id = $1 AND e.released_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM after_sale_cases a WHERE a.order_id = $1 AND a.status = ANY($3::text[]))
          AND EXISTS (SELECT 1 FROM fulfilments f
                       WHERE f.order_id = $1 AND f.status = 'completed' AND f.unit_id IS NOT DISTINCT FROM e.unit_id)`,
      [orderId, this.clock.now(), OPEN_AFTER_SALE_STATUSES],
    );
    // The sharer's earnings settle with the merchant's commission entry.
    await tx.query(
      `UPDATE sharer_earnings s SET released_at = $2
        WHERE s.order_id = $1 AND s.released_at IS NULL
          AND EXISTS (SELECT 1 FROM ledger_entries e
                       WHERE e.order_id = $1 AND e.type = 'commission' AND e.released_at IS NOT NULL)`,
      [orderId, this.clock.now()],
    );
  }

  async view(userId: string, shopId: string, page: { limit?: number; offset?: number }): Promise<LedgerView> {
    await this.shops.findOwned(shopId, userId);
    const [rows, [{ count }], totals] = await Promise.all([
      this.db.query(
        `SELECT id, type, order_id, unit_id, amount_fen, created_at, released_at FROM ledger_entries
          WHERE shop_id = $1 ORDER BY id DESC LIMIT $2 OFFSET $3`,
        [shopId, page.limit ?? 20, page.offset ?? 0],
      ) as Promise<EntryRow[]>,
      this.db.query('SELECT count(*)::int AS count FROM ledger_entries WHERE shop_id = $1', [shopId]) as Promise<
        { count: number }[]
      >,
      this.totals(this.db.manager, shopId),
    ]);
    return { entries: rows.map(entryView), total: count, totals };
  }

  /** Takes available money out, under the shop's lock; more than is available is a 409. */
  withdraw(userId: string, shopId: string, amountFen: number, key?: string): Promise<WithdrawalView> {
    return this.idempotency.run(
      { userId, scope: 'shops.withdraw', key, request: { shopId, amountFen } },
      async (tx) => {
        await this.shops.findOwned(shopId, userId, tx);
        await tx.query('SELECT id FROM shops WHERE id = $1 FOR NO KEY UPDATE', [shopId]);
        const before = await this.totals(tx, shopId);
        if (amountFen > before.availableFen) {
          throw new ConflictError(
            'INSUFFICIENT_AVAILABLE',
            `amountFen ${amountFen} is more than the ${before.availableFen} fen available to withdraw`,
          );
        }
        const now = this.clock.now();
        const [row]: { id: number }[] = await tx.query(
          `INSERT INTO ledger_entries (shop_id, type, amount_fen, created_at, released_at)
           VALUES ($1, 'withdrawal', $2, $3, $3) RETURNING id`,
          [shopId, -amountFen, now],
        );
        return { id: row.id, amountFen, at: now.toISOString(), totals: await this.totals(tx, shopId) };
      },
    );
  }

  async totals(manager: EntityManager, shopId: string): Promise<LedgerTotals> {
    const [t]: LedgerTotals[] = await manager.query(
      `SELECT COALESCE(SUM(amount_fen) FILTER (WHERE type = 'income'), 0)::bigint AS "paidFen",
              (-COALESCE(SUM(amount_fen) FILTER (WHERE type = 'refund'), 0))::bigint AS "refundedFen",
              (-COALESCE(SUM(amount_fen) FILTER (WHERE type IN ('fee', 'fee_reversal')), 0))::bigint AS "feeFen",
              (-COALESCE(SUM(amount_fen) FILTER (WHERE type IN ('commission', 'commission_reversal')), 0))::bigint
                AS "commissionFen",
              COALESCE(SUM(amount_fen) FILTER (WHERE released_at IS NULL AND type <> 'card_redemption'), 0)::bigint
                AS "pendingFen",
              COALESCE(SUM(amount_fen) FILTER (WHERE released_at IS NOT NULL AND type <> 'card_redemption'), 0)::bigint
                AS "availableFen",
              (-COALESCE(SUM(amount_fen) FILTER (WHERE type = 'withdrawal'), 0))::bigint AS "withdrawnFen"
         FROM ledger_entries WHERE shop_id = $1`,
      [shopId],
    );
    return t;
  }

  /**
   * Locks the shop row (payments of one shop count their GMV one at a time) and adds this
   * payment's GMV; answers the state before it.
   */
  private async lockShop(tx: EntityManager, shopId: string, addGmvFen: number): Promise<ShopFeeState> {
    const [{ opened_at: openedAt }]: { opened_at: Date }[] = await tx.query(
      'SELECT opened_at FROM shops WHERE id = $1',
      [shopId],
    );
    return { openedAt, paidGmvFen: await this.addGmv(tx, shopId, addGmvFen) };
  }

  /**
   * Adds a payment to the shop's paid GMV and answers the GMV before it. The upsert holds the
   * shop's counter row to the end of the transaction: payments of one shop take turns.
   */
  private async addGmv(tx: EntityManager, shopId: string, addGmvFen: number): Promise<number> {
    const {
      rows: [{ before }],
    } = await prepared<{ before: string }>(
      tx,
      'ledger.add_gmv',
      `INSERT INTO ledger_shop_gmv AS l (shop_id, paid_gmv_fen) VALUES ($1, $2)
       ON CONFLICT (shop_id) DO UPDATE SET paid_gmv_fen = l.paid_gmv_fen + EXCLUDED.paid_gmv_fen
       RETURNING l.paid_gmv_fen - $2 AS before`,
      [shopId, addGmvFen],
    );
    return Number(before);
  }

  /** The entries, in one statement (zero amounts are not written). */
  private async insert(
    tx: EntityManager,
    entries: {
      shopId: string;
      orderId: string;
      unitId?: string | null;
      refundId?: string | null;
      type: LedgerEntryType;
      amountFen: number;
    }[],
  ): Promise<void> {
    const rows = entries.filter((e) => e.amountFen !== 0);
    if (rows.length === 0) return;
    await prepared(
      tx,
      'ledger.insert_entries',
      `INSERT INTO ledger_entries (shop_id, order_id, unit_id, refund_id, type, amount_fen, created_at)
       SELECT e.shop_id, e.order_id, e.unit_id, e.refund_id, e.type, e.amount_fen, $7
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::bigint[])
              AS e(shop_id, order_id, unit_id, refund_id, type, amount_fen)`,
      [
        rows.map((e) => e.shopId),
        rows.map((e) => e.orderId),
        rows.map((e) => e.unitId ?? null),
        rows.map((e) => e.refundId ?? null),
        rows.map((e) => e.type),
        rows.map((e) => e.amountFen),
        this.clock.now(),
      ],
    );
  }
}

function entryView(r: EntryRow): LedgerEntryView {
  return {
    id: r.id,
    type: r.type,
    orderId: r.order_id,
    unitId: r.unit_id,
    amountFen: r.amount_fen,
    at: r.created_at.toISOString(),
    releasedAt: r.released_at ? r.released_at.toISOString() : null,
  };
}
