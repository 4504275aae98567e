import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  type ChatNotice,
  canonicalEntrants,
  checkWishMessage,
  drawWinners,
  GIFT_RULES,
  GIFT_STATUS_CODES,
  GIFT_TRANSITIONS,
  GiftAction,
  GiftState,
  type OrderKind,
  giftUnitsProblem,
  unitPaidFen,
  skuGiftEligibility,
  transition,
} from '@giftshop/shared';
import { randomBytes } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import { Product } from '../catalog/product.entity';
import { Sku } from '../catalog/sku.entity';
import { StockService } from '../catalog/stock.service';
import { ClockService } from '../clock/clock.service';
import { InvalidInputError, NotFoundError } from '../common/domain-errors';
import { writeTransition } from '../common/write-transition';
import { EventBus } from '../events/event-bus';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { User } from '../identity/user.entity';
import { JobsService } from '../jobs/jobs.service';
import { LedgerService } from '../ledger/ledger.service';
import { Order } from '../orders/order.entity';
import { OrdersService } from '../orders/orders.service';
import { PaymentsService } from '../payments/payments.service';
import { Chat, ChatMember } from '../social/chat.entity';
import { SocialService } from '../social/social.service';
import { CreateGiftDto } from './gifts.dto';
import { Gift, GiftEntry, GiftUnit } from './gift.entity';

/** The kind of order a gift is paid with (ORDER_KINDS: no freight, shipped per accepted unit). */
export const GIFT_ORDER = 'gift' satisfies OrderKind;

export const GIFT_JOBS = {
  draw: 'gift.draw',
  expire: 'gift.expire',
  refundUnit: 'gift.refund_unit',
} as const;

const STATE_BY_CODE = new Map<number, GiftState>(
  Object.entries(GIFT_STATUS_CODES).map(([state, code]) => [code, state as GiftState]),
);

export function giftState(gift: Gift): GiftState {
  const state = STATE_BY_CODE.get(gift.status);
  if (!state) throw new Error(`gift ${gift.id} has an unknown status ${gift.status}`);
  return state;
}

/**
 * A gift's life: created with its order (stock for every unit reserved), sent when paid (the card
 * goes into the chat), drawn (lottery), and expired 24 hours after the send or the draw, when
 * every unit nobody accepted is refunded to the giver one by one, each exactly once.
 */
@Injectable()
export class GiftsService implements OnModuleInit {
  constructor(
    private readonly clock: ClockService,
    private readonly orders: OrdersService,
    private readonly payments: PaymentsService,
    private readonly stock: StockService,
    private readonly jobs: JobsService,
    private readonly social: SocialService,
    private readonly idempotency: IdempotencyService,
    private readonly ledger: LedgerService,
    private readonly events: EventBus,
  ) {}

  onModuleInit(): void {
    // Its own orders only: a gift's order is placed by this module with kind 'gift'.
    this.events.inTransaction('order.paid', 'gifts', (tx, { order }) =>
      order.kind === GIFT_ORDER ? this.send(tx, order) : Promise.resolve(),
    );
    this.events.inTransaction('order.cancelled', 'gifts', (tx, { order }) =>
      order.kind === GIFT_ORDER ? this.cancel(tx, order) : Promise.resolve(),
    );
    this.jobs.register(GIFT_JOBS.draw, (tx, p) => this.draw(tx, String(p.giftId)));
    this.jobs.register(GIFT_JOBS.expire, (tx, p) => this.expire(tx, String(p.giftId)));
    this.jobs.register(GIFT_JOBS.refundUnit, (tx, p) => this.refundExpiredUnit(tx, String(p.unitId)));
  }

  create(
    giverId: string,
    input: CreateGiftDto,
    key?: string,
  ): Promise<{ id: string; orderId: string; status: number; totalFen: number }> {
    return this.idempotency.run({ userId: giverId, scope: 'gifts.create', key, request: input }, async (tx) => {
      const now = this.clock.now();
      const wish = checkWishMessage(input.wishMessage ?? '');
      if (!wish.ok) throw new InvalidInputError(wish.code, wish.reason);
      const unitsProblem = giftUnitsProblem(input.mode, input.units);
      if (unitsProblem) throw new InvalidInputError('INVALID_UNITS', `units: ${unitsProblem}`);
      this.checkDrawAt(input, now);

      await this.social.assertMember(giverId, input.chatId, tx);
      const chat = await tx.findOneByOrFail(Chat, { id: input.chatId });
      const wanted = input.mode === 'single' ? 'direct' : 'group';
      if (chat.type !== wanted) {
        throw new InvalidInputError('WRONG_CHAT_TYPE', `chatId: a ${input.mode} gift goes to a ${wanted} chat`);
      }
      if (input.mode !== 'single') {
        // One unit per member at most, and the giver cannot claim: more units could never all be taken.
        const claimers = (await tx.countBy(ChatMember, { chatId: chat.id })) - 1;
        if (input.units > claimers) {
          throw new InvalidInputError(
            'UNITS_OVER_MEMBERS',
            `units: at most ${claimers}, the members of this group who can claim (one each; the giver cannot)`,
          );
        }
      }
      const sku = await tx.findOne(Sku, { where: { id: input.skuId }, relations: { product: true } });
      if (!sku?.product) throw new NotFoundError('sku');
      const eligibility = skuGiftEligibility({
        categoryCode: sku.product.categoryCode,
        listPriceFen: sku.listPriceFen,
      });
      if (!eligibility.giftable) throw new InvalidInputError('NOT_GIFTABLE', eligibility.reason);

      const order = await this.orders.place(tx, {
        buyerId: giverId,
        kind: GIFT_ORDER,
        lines: [{ skuId: sku.id, quantity: input.units }],
        address: null,
        scene: chat.type === 'direct' ? 'chat' : 'group_chat',
      });
      const gift = await tx.save(
        Gift,
        tx.create(Gift, {
          orderId: order.id,
          giverId,
          chatId: chat.id,
          mode: input.mode,
          units: input.units,
          productId: sku.productId,
          skuId: sku.id,
          unitPriceFen: sku.priceFen,
          wishMessage: wish.message,
          status: GIFT_STATUS_CODES.pending_payment,
          drawAt: input.drawAt ?? null,
          createdAt: now,
        }),
      );
      return { id: gift.id, orderId: order.id, status: gift.status, totalFen: order.totalFen };
    });
  }

  /** Applies a gift transition to a locked gift row. */
  async move(tx: EntityManager, gift: Gift, action: GiftAction, changes: Partial<Gift> = {}): Promise<Gift> {
    const next = transition('gift', GIFT_TRANSITIONS, giftState(gift), action);
    return writeTransition(tx, Gift, gift, GIFT_STATUS_CODES[next], changes, 'gift');
  }

  /**
   * THE LOCK ORDER for gifts (docs/DECISIONS.md, "Locks and retried transactions"). Every transaction takes the rows it
   * locks in this order, skipping those it does not need, so no two of them can wait on each other
   * in a circle (a deadlock):
   *
   *   order → gift → gift units (by idx) → gift claims → the rest
   *
   * "The rest" (payment rows read for a refund, refunds, ledger entries, SKU stock, search
   * counters, jobs) is only written after everything above that the transaction needs is held.
   * - Orders are locked FOR NO KEY UPDATE (OrdersService.lock): the FOR KEY SHARE locks that
   *   foreign keys take on their parent (a ledger entry or refund inserted under a gift) never
   *   conflict with it, so those inserts never wait on an order.
   * - A gift changed by decline, expiry, a unit refund or the draw is locked FOR UPDATE through
   *   this method, after its order. The one-statement claim (ClaimsService) takes the gift FOR KEY
   *   SHARE as its first step — the lock its claim row's foreign key takes anyway, moved to the
   *   front — then one open unit SKIP LOCKED, then inserts the claim. So claims never block each
   *   other, and a claim and a decline or expiry meet at the gift row, before either holds a unit.
   * - The order's paid and cancelled listeners (send, cancel) run with the order locked and lock
   *   the gift by its order id; after-sales lock the order, then the claim.
   * A deadlock or serialization failure that happens anyway is retried by runInTransaction.
   */
  async lock(tx: EntityManager, giftId: string): Promise<Gift> {
    const found = await tx.findOneBy(Gift, { id: giftId });
    if (!found) throw new NotFoundError('gift');
    await this.orders.lock(tx, found.orderId);
    return tx.findOneOrFail(Gift, { where: { id: giftId }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Refunds one unit to the giver's payment (exactly once, by the unit's refund key), returns its
   * stock and marks it refunded. When no expired unit is left the gift is 181; when every unit of
   * the order is refunded the order is too.
   */
  async refundUnit(tx: EntityManager, gift: Gift, unit: GiftUnit, reason: string): Promise<void> {
    let refundId: string | null = null;
    if (unit.paidFen > 0) {
      const { refund } = await this.payments.refund(tx, {
        orderId: gift.orderId,
        unitId: unit.id,
        refundKey: `gift-unit:${unit.id}`,
        amountFen: unit.paidFen,
        reason,
      });
      refundId = refund.id;
    }
    await this.stock.release(tx, [{ skuId: gift.skuId, quantity: 1 }]);
    await tx.update(GiftUnit, { id: unit.id }, { status: 'refunded', refundId });
    const left = await tx.countBy(GiftUnit, { giftId: gift.id, status: 'expired' });
    const refunded = await tx.countBy(GiftUnit, { giftId: gift.id, status: 'refunded' });
    if (left === 0 && giftState(gift) === 'expired') {
      await this.move(tx, gift, 'finish_refunds');
      // A declined gift's notice already says it goes back to the giver, in the same moment.
      if (!gift.declinedAt) {
        await this.postGiftNotice(tx, gift, { kind: 'gift_refunded', params: { units: refunded } });
      }
    }
    if (refunded === gift.units) {
      const order = await this.orders.lock(tx, gift.orderId);
      if (order.status === 'paid') await this.orders.move(tx, order, 'refund', { refundedAt: this.clock.now() });
    }
  }

  private checkDrawAt(input: CreateGiftDto, now: Date): void {
    if (input.mode !== 'lottery') {
      if (input.drawAt) throw new InvalidInputError('INVALID_DRAW_AT', 'drawAt is only for lottery gifts');
      return;
    }
    if (!input.drawAt) throw new InvalidInputError('INVALID_DRAW_AT', 'drawAt is required for a lottery gift');
    const delay = input.drawAt.getTime() - now.getTime();
    if (delay <= 0 || delay > GIFT_RULES.maxDrawDelayMs) {
      throw new InvalidInputError('INVALID_DRAW_AT', 'drawAt must be in the future and at most 24 hours away');
    }
  }

  /** The order is paid (and locked): the card goes into the chat and the timers start. */
  private async send(tx: EntityManager, order: Order): Promise<void> {
    const gift = await tx.findOne(Gift, { where: { orderId: order.id }, lock: { mode: 'pessimistic_write' } });
    if (!gift) return;
    const now = this.clock.now();
    const windowStart = gift.mode === 'lottery' && gift.drawAt && gift.drawAt > now ? gift.drawAt : now;
    const expiresAt = new Date(windowStart.getTime() + GIFT_RULES.claimWindowMs);
    await this.move(tx, gift, 'pay', { sentAt: now, expiresAt });
    // The gift's one order line, paid for unit by unit.
    const [line]: { paid_fen: number; quantity: number }[] = await tx.query(
      'SELECT paid_fen, quantity FROM order_items WHERE order_id = $1',
      [order.id],
    );
    const paid = unitPaidFen({ paidFen: line.paid_fen, quantity: line.quantity });
    await tx.insert(
      GiftUnit,
      paid.map((paidFen, i) => ({ giftId: gift.id, idx: i + 1, status: 'open' as const, claimId: null, paidFen })),
    );
    const product = await tx.findOneByOrFail(Product, { id: gift.productId });
    await this.ledger.recordGiftPayment(tx, {
      orderId: order.id,
      shopId: order.shopId,
      categoryCode: product.categoryCode,
      unitsPaidFen: paid,
    });
    await this.social.postMessage(tx, {
      chatId: gift.chatId,
      senderId: gift.giverId,
      type: 'gift',
      giftId: gift.id,
      text: gift.wishMessage || null,
    });
    if (gift.mode === 'lottery') {
      await this.jobs.enqueue(tx, {
        kind: GIFT_JOBS.draw,
        runAt: windowStart,
        payload: { giftId: gift.id },
        uniqueKey: `${GIFT_JOBS.draw}:${gift.id}`,
      });
    }
    await this.jobs.enqueue(tx, {
      kind: GIFT_JOBS.expire,
      runAt: expiresAt,
      payload: { giftId: gift.id },
      uniqueKey: `${GIFT_JOBS.expire}:${gift.id}`,
    });
  }

  private async cancel(tx: EntityManager, order: Order): Promise<void> {
    const gift = await tx.findOne(Gift, { where: { orderId: order.id }, lock: { mode: 'pessimistic_write' } });
    if (gift) await this.move(tx, gift, 'cancel');
  }

  /** Draws the lottery: a recorded 256-bit seed and sorted entrant list fix the winners. */
  private async draw(tx: EntityManager, giftId: string): Promise<void> {
    const gift = await this.lock(tx, giftId);
    if (gift.drawnAt || giftState(gift) !== 'sent') return;
    const entries = await tx.find(GiftEntry, { where: { giftId } });
    const entrants = canonicalEntrants(entries.map((e) => e.userId));
    const seed = randomBytes(32).toString('hex');
    const winners = drawWinners(seed, entrants, gift.units);
    await tx.update(
      Gift,
      { id: giftId },
      { drawnAt: this.clock.now(), drawSeed: seed, drawEntrants: entrants, drawWinners: winners },
    );
    await tx.query('UPDATE gift_entries SET won = (user_id = ANY($2::uuid[])) WHERE gift_id = $1', [giftId, winners]);
    const nicknames = await tx.find(User, { where: { id: In(winners) }, select: { id: true, nickname: true } });
    const byId = new Map(nicknames.map((u) => [u.id, u.nickname]));
    await this.social.postNotice(tx, {
      chatId: gift.chatId,
      senderId: gift.giverId,
      giftId,
      notice: {
        kind: 'lottery_drawn',
        params: { entrants: entrants.length, winners: winners.map((id) => byId.get(id) ?? '') },
      },
    });
  }

  /** The claim window closed: every unit still open expires and gets its own refund job. */
  private async expire(tx: EntityManager, giftId: string): Promise<void> {
    const gift = await this.lock(tx, giftId);
    if (giftState(gift) !== 'sent') return;
    const [expired]: [{ id: string }[], number] = await tx.query(
      "UPDATE gift_units SET status = 'expired' WHERE gift_id = $1 AND status = 'open' RETURNING id",
      [giftId],
    );
    if (expired.length === 0) {
      // Every unit was claimed: settle the status if the claims left it to us.
      if (await tx.existsBy(GiftUnit, { giftId, status: 'claimed' })) {
        await this.move(tx, gift, 'accept_all');
        await this.postGiftNotice(tx, gift, { kind: 'gift_all_claimed', params: { units: gift.units } });
      }
      return;
    }
    await this.move(tx, gift, 'expire');
    await this.postGiftNotice(tx, gift, { kind: 'gift_expired', params: { units: expired.length } });
    for (const unit of expired) {
      await this.jobs.enqueue(tx, {
        kind: GIFT_JOBS.refundUnit,
        runAt: this.clock.now(),
        payload: { unitId: unit.id },
        uniqueKey: `${GIFT_JOBS.refundUnit}:${unit.id}`,
      });
    }
  }

  private async refundExpiredUnit(tx: EntityManager, unitId: string): Promise<void> {
    const found = await tx.findOneBy(GiftUnit, { id: unitId });
    if (!found) return;
    // Order and gift first (the lock order), so refunds of one gift count their way to 181 one at a time.
    const gift = await this.lock(tx, found.giftId);
    const unit = await tx.findOneOrFail(GiftUnit, { where: { id: unitId }, lock: { mode: 'pessimistic_write' } });
    if (unit.status !== 'expired') return;
    await this.refundUnit(tx, gift, unit, 'gift unit not accepted within 24 hours');
  }

  /** A system line about the gift in its chat, in the caller's transaction (the event's). */
  postGiftNotice(tx: EntityManager, gift: Gift, notice: ChatNotice, senderId = gift.giverId): Promise<unknown> {
    return this.social.postNotice(tx, { chatId: gift.chatId, senderId, giftId: gift.id, notice });
  }
}
