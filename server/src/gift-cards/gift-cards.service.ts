import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  checkWishMessage,
  GIFT_CARD_RULES,
  GIFT_CARD_TRANSITIONS,
  GiftCardAction,
  GiftCardDesignView,
  GiftCardPurchaseView,
  GiftCardStatus,
  transition,
  WalletCardView,
} from '@giftshop/shared';
import { DataSource, EntityManager } from 'typeorm';
import { ShopsService } from '../catalog/shops.service';
import { ClockService } from '../clock/clock.service';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../common/domain-errors';
import { runInTransaction } from '../database/run-in-transaction';
import { EventBus } from '../events/event-bus';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { JobsService } from '../jobs/jobs.service';
import { LedgerService } from '../ledger/ledger.service';
import type { Order } from '../orders/order.entity';
import { OrdersService } from '../orders/orders.service';
import { PaymentsService } from '../payments/payments.service';
import { Chat, ChatMember } from '../social/chat.entity';
import { SocialService } from '../social/social.service';
import type { BuyGiftCardDto, CreateDesignDto } from './gift-cards.dto';
import {
  CARD_COLUMNS,
  CardRow,
  DESIGN_COLUMNS,
  DesignRow,
  designView,
  GiftCardViewsService,
} from './gift-card-views.service';

export const GIFT_CARD_JOBS = {
  /** Unclaimed 24 hours after it was sent: refunded to the giver. */
  expire: 'gift_card.expire',
  /** 7 days after the claim: the card's money becomes available to the merchant. */
  settle: 'gift_card.settle',
} as const;

const DAY_MS = 24 * 3_600_000;
/** As a delivered parcel's money waits out its return window. */
const SETTLE_AFTER_MS = 7 * DAY_MS;

/**
 * 节日礼券: merchants design cards; a shopper buys one as a gift to a friend in a direct chat
 * (an order of kind `gift_card`, paid like any other); paying posts the card into the chat; the
 * friend claims it without an address and it joins their wallet with its face value; unclaimed in
 * 24 hours it is refunded to the giver. Its price is the shop's income when claimed
 * (`gift_card.claimed`, the ledger). Spending it is the checkout's (CheckoutBenefitsService).
 *
 * Lock order: the card's order, then the card (claim and expiry alike).
 */
@Injectable()
export class GiftCardsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: ClockService,
    private readonly shops: ShopsService,
    private readonly orders: OrdersService,
    private readonly payments: PaymentsService,
    private readonly jobs: JobsService,
    private readonly events: EventBus,
    private readonly idempotency: IdempotencyService,
    private readonly social: SocialService,
    private readonly ledger: LedgerService,
    private readonly views: GiftCardViewsService,
  ) {}

  onModuleInit(): void {
    this.events.inTransaction('order.paid', 'gift-cards', (tx, { order }) =>
      order.kind === 'gift_card' ? this.send(tx, order) : Promise.resolve(),
    );
    this.events.inTransaction('order.cancelled', 'gift-cards', async (tx, { order }) => {
      if (order.kind !== 'gift_card') return;
      const card = await this.lockByOrder(tx, order.id);
      if (card) await this.move(tx, card, 'cancel', { cancelled_at: this.clock.now() });
    });
    this.jobs.register(GIFT_CARD_JOBS.expire, (tx, p) => this.refundUnclaimed(tx, String(p.cardId)));
    this.jobs.register(GIFT_CARD_JOBS.settle, (tx, p) => this.ledger.releaseCardSale(tx, String(p.orderId)));
  }

  createDesign(ownerId: string, shopId: string, input: CreateDesignDto): Promise<GiftCardDesignView> {
    return runInTransaction(this.db, async (tx) => {
      await this.shops.findOwned(shopId, ownerId, tx);
      const [row]: DesignRow[] = await tx.query(
        `INSERT INTO gift_card_designs AS d (shop_id, title, theme, face_value_fen, valid_days, status, created_at)
         VALUES ($1, $2, $3, $4, $5, 'active', $6) RETURNING ${DESIGN_COLUMNS}`,
        [shopId, input.title, input.theme ?? 'plain', input.faceValueFen, input.validDays, this.clock.now()],
      );
      return designView(row);
    });
  }

  /** No more cards of this design are sold; those sold run their course. */
  endDesign(ownerId: string, designId: string): Promise<GiftCardDesignView> {
    return runInTransaction(this.db, async (tx) => {
      const design = await this.design(tx, designId);
      await this.shops.findOwned(design.shop_id, ownerId, tx);
      const [[ended]]: [DesignRow[], number] = await tx.query(
        `UPDATE gift_card_designs d SET status = 'ended' WHERE d.id = $1 RETURNING ${DESIGN_COLUMNS}`,
        [designId],
      );
      return designView(ended);
    });
  }

  /** Buys a card of the design for the other member of a direct chat; paying its order sends it. */
  buy(giverId: string, input: BuyGiftCardDto, key?: string): Promise<GiftCardPurchaseView> {
    return this.idempotency.run({ userId: giverId, scope: 'gift-cards.buy', key, request: input }, async (tx) => {
      const wish = checkWishMessage(input.wishMessage ?? '');
      if (!wish.ok) throw new InvalidInputError(wish.code, wish.reason);
      const design = await this.design(tx, input.designId);
      if (design.status !== 'active') throw new ConflictError('DESIGN_ENDED', 'the shop no longer sells this card');
      await this.social.assertMember(giverId, input.chatId, tx);
      const chat = await tx.findOneByOrFail(Chat, { id: input.chatId });
      if (chat.type !== 'direct') {
        throw new InvalidInputError('WRONG_CHAT_TYPE', 'chatId: a gift card goes to a friend in a direct chat');
      }
      const members = await tx.findBy(ChatMember, { chatId: chat.id });
      const recipient = members.find((m) => m.userId !== giverId);
      if (!recipient) throw new InvalidInputError('WRONG_CHAT_TYPE', 'chatId: the chat has no friend to send to');
      const order = await this.orders.placeWithoutItems(tx, {
        buyerId: giverId,
        kind: 'gift_card',
        shopId: design.shop_id,
        totalFen: design.face_value_fen,
        scene: 'chat',
      });
      const [card]: { id: string }[] = await tx.query(
        `INSERT INTO gift_cards (design_id, shop_id, order_id, giver_id, chat_id, recipient_id, title, theme,
                                 face_value_fen, valid_days, wish_message, status, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'pending_payment', $12) RETURNING id`,
        [
          design.id,
          design.shop_id,
          order.id,
          giverId,
          chat.id,
          recipient.userId,
          design.title,
          design.theme,
          design.face_value_fen,
          design.valid_days,
          wish.message,
          this.clock.now(),
        ],
      );
      return { id: card.id, orderId: order.id, totalFen: order.totalFen };
    });
  }

  /** The friend takes the card: it joins their wallet with its face value, and the shop books the sale. */
  claim(userId: string, cardId: string): Promise<WalletCardView> {
    return runInTransaction(this.db, async (tx) => {
      const seen = await this.views.visibleCard(tx, userId, cardId);
      if (seen.recipient_id !== userId) {
        throw new ForbiddenError('NOT_RECIPIENT', 'only the friend it was sent to can claim this card');
      }
      await this.orders.lock(tx, seen.order_id);
      const card = await this.lock(tx, cardId);
      const now = this.clock.now();
      const refusal = claimRefusal(card, now);
      if (refusal) throw new ConflictError('CARD_NOT_CLAIMABLE', refusal);
      await this.move(tx, card, 'claim', {
        balance_fen: card.face_value_fen,
        claimed_at: now,
        expires_at: new Date(now.getTime() + card.valid_days * DAY_MS),
      });
      await this.events.publish(tx, 'gift_card.claimed', {
        orderId: card.order_id,
        shopId: card.shop_id,
        amountFen: card.face_value_fen,
      });
      await this.jobs.enqueue(tx, {
        kind: GIFT_CARD_JOBS.settle,
        runAt: new Date(now.getTime() + SETTLE_AFTER_MS),
        payload: { orderId: card.order_id },
        uniqueKey: `${GIFT_CARD_JOBS.settle}:${card.id}`,
      });
      const [claimer]: { nickname: string }[] = await tx.query('SELECT nickname FROM users WHERE id = $1', [userId]);
      await this.social.postMessage(tx, {
        chatId: card.chat_id,
        senderId: userId,
        type: 'system',
        giftCardId: card.id,
        notice: { kind: 'gift_card_claimed', params: { nickname: claimer.nickname } },
        text: `${claimer.nickname} 领取了礼券`,
      });
      const [wallet] = await this.views.walletCards(tx, userId, card.id);
      return wallet;
    });
  }

  /** The giver paid: the card goes into the chat, claimable for 24 hours. */
  private async send(tx: EntityManager, order: Order): Promise<void> {
    const card = await this.lockByOrder(tx, order.id);
    if (!card) return;
    const now = this.clock.now();
    await this.move(tx, card, 'send', { sent_at: now });
    await this.social.postMessage(tx, {
      chatId: card.chat_id,
      senderId: card.giver_id,
      type: 'gift_card',
      giftCardId: card.id,
      text: card.wish_message || null,
    });
    await this.jobs.enqueue(tx, {
      kind: GIFT_CARD_JOBS.expire,
      runAt: new Date(now.getTime() + GIFT_CARD_RULES.claimWindowMs),
      payload: { cardId: card.id },
      uniqueKey: `${GIFT_CARD_JOBS.expire}:${card.id}`,
    });
  }

  /** 24 hours passed: an unclaimed card's price goes back to the giver, once (its refund key). */
  private async refundUnclaimed(tx: EntityManager, cardId: string): Promise<void> {
    const [unlocked]: CardRow[] = await tx.query(`SELECT ${CARD_COLUMNS} FROM gift_cards c WHERE c.id = $1`, [cardId]);
    if (!unlocked) return;
    const order = await this.orders.lock(tx, unlocked.order_id);
    const card = await this.lock(tx, cardId);
    if (card.status !== 'sent') return;
    const now = this.clock.now();
    await this.move(tx, card, 'refund', { refunded_at: now });
    await this.orders.move(tx, order, 'refund', { refundedAt: now });
    await this.payments.refund(tx, {
      orderId: order.id,
      refundKey: `gift_card:${card.id}:unclaimed`,
      amountFen: order.totalFen,
      reason: 'gift card not claimed within 24 hours',
    });
    await this.social.postMessage(tx, {
      chatId: card.chat_id,
      senderId: card.giver_id,
      type: 'system',
      giftCardId: card.id,
      notice: { kind: 'gift_card_refunded', params: { title: card.title } },
      text: `「${card.title}」24 小时未领取，已退款给送礼人`,
    });
  }

  private async design(manager: EntityManager, designId: string): Promise<DesignRow> {
    const [design]: DesignRow[] = await manager.query(
      `SELECT ${DESIGN_COLUMNS} FROM gift_card_designs d WHERE d.id = $1`,
      [designId],
    );
    if (!design) throw new NotFoundError('design', 'DESIGN_NOT_FOUND');
    return design;
  }

  private async lock(tx: EntityManager, cardId: string): Promise<CardRow> {
    const [card]: CardRow[] = await tx.query(`SELECT ${CARD_COLUMNS} FROM gift_cards c WHERE c.id = $1 FOR UPDATE`, [
      cardId,
    ]);
    if (!card) throw new NotFoundError('gift card', 'GIFT_CARD_NOT_FOUND');
    return card;
  }

  private async lockByOrder(tx: EntityManager, orderId: string): Promise<CardRow | null> {
    const [card]: CardRow[] = await tx.query(
      `SELECT ${CARD_COLUMNS} FROM gift_cards c WHERE c.order_id = $1 FOR UPDATE`,
      [orderId],
    );
    return card ?? null;
  }

  /** One transition of GIFT_CARD_TRANSITIONS on a locked card, with the columns it sets. */
  private async move(
    tx: EntityManager,
    card: CardRow,
    action: GiftCardAction,
    changes: Partial<
      Pick<CardRow, 'balance_fen' | 'sent_at' | 'claimed_at' | 'expires_at' | 'refunded_at' | 'cancelled_at'>
    >,
  ): Promise<void> {
    const status: GiftCardStatus = transition('gift card', GIFT_CARD_TRANSITIONS, card.status, action);
    const columns = Object.keys(changes);
    await tx.query(
      `UPDATE gift_cards SET status = $2${columns.map((c, i) => `, ${c} = $${i + 3}`).join('')} WHERE id = $1`,
      [card.id, status, ...Object.values(changes)],
    );
  }
}

/** Why the card cannot be claimed now, or null. */
function claimRefusal(card: CardRow, now: Date): string | null {
  switch (card.status) {
    case 'pending_payment':
      return 'the giver has not paid for it yet';
    case 'cancelled':
      return 'the giver cancelled it';
    case 'claimed':
      return 'it has been claimed already';
    case 'refunded':
      return 'it was not claimed within 24 hours and was refunded to the giver';
  }
  const deadline = (card.sent_at as Date).getTime() + GIFT_CARD_RULES.claimWindowMs;
  return now.getTime() >= deadline ? 'the 24 hours to claim it have passed' : null;
}
