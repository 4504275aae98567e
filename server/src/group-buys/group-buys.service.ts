import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  formsNow,
  GROUP_BUY_RULES,
  type GroupDealView,
  joinVerdict,
  type OrderKind,
  type Scene,
  seatPayable,
  TEAM_TRANSITIONS,
  type TeamAction,
  type TeamOrderView,
  transition,
} from '@giftshop/shared';
import { DataSource, EntityManager, In } from 'typeorm';
import { AddressChoice, AddressesService } from '../addresses/addresses.service';
import { Product } from '../catalog/product.entity';
import { ShopsService } from '../catalog/shops.service';
import { Sku } from '../catalog/sku.entity';
import { ClockService } from '../clock/clock.service';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/domain-errors';
import { writeTransition } from '../common/write-transition';
import { prepared } from '../database/prepared';
import { runInTransaction, sqlState } from '../database/run-in-transaction';
import { EventBus } from '../events/event-bus';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { JobsService } from '../jobs/jobs.service';
import { Order } from '../orders/order.entity';
import { OrdersService } from '../orders/orders.service';
import { Chat } from '../social/chat.entity';
import { SocialService } from '../social/social.service';
import { GroupDeal, GroupDealSku, GroupSeat, GroupTeam } from './group-buy.entity';
import { GroupBuyViewsService } from './group-buy-views.service';

/** The kind of order a team member's is (ORDER_KINDS: free freight, a sale once the team forms). */
export const GROUP_BUY_ORDER: OrderKind = 'group_buy';

export const GROUP_BUY_JOBS = {
  /** At a team's deadline: it fails unless it formed, and its paid members are refunded. */
  expire: 'group_buy.expire',
} as const;

const HOUR_MS = 3_600_000;
const UNIQUE_VIOLATION = '23505';

export interface DealInput {
  productId: string;
  groupSize: number;
  windowHours?: number;
  skus: { skuId: string; groupPriceFen: number }[];
}

export type SeatInput = AddressChoice & { skuId: string; quantity: number; scene?: Scene };

/**
 * 社群拼团. The race for seats is settled on the team row: a join takes it FOR UPDATE, asks the
 * seat rule (`joinVerdict`) and counts its seat as held in the same transaction, so paid + held
 * never passes the size (and a table constraint says so too). A seat is its order's: paid with
 * it (order.paid), released when it is cancelled unpaid (order.cancelled). Lock order: an
 * order before its team, as paying and cancelling take them; the deadline's job does the same.
 */
@Injectable()
export class GroupBuysService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: ClockService,
    private readonly orders: OrdersService,
    private readonly addresses: AddressesService,
    private readonly social: SocialService,
    private readonly shops: ShopsService,
    private readonly events: EventBus,
    private readonly jobs: JobsService,
    private readonly idempotency: IdempotencyService,
    private readonly views: GroupBuyViewsService,
  ) {}

  onModuleInit(): void {
    this.orders.guardPayment(GROUP_BUY_ORDER, (manager, order) => this.assertSeatPayable(manager, order));
    this.events.inTransaction('order.paid', 'group-buys', (tx, { order }) =>
      order.kind === GROUP_BUY_ORDER ? this.onSeatPaid(tx, order) : Promise.resolve(),
    );
    this.events.inTransaction('order.cancelled', 'group-buys', (tx, { order }) =>
      order.kind === GROUP_BUY_ORDER ? this.onSeatCancelled(tx, order) : Promise.resolve(),
    );
    this.jobs.register(GROUP_BUY_JOBS.expire, (tx, p) => this.failIfDue(tx, String(p.teamId)));
  }

  // --- Deals (the merchant) ------------------------------------------------------------------

  createDeal(userId: string, shopId: string, input: DealInput): Promise<GroupDealView> {
    return runInTransaction(this.db, async (tx) => {
      await this.shops.findOwned(shopId, userId, tx);
      const product = await tx.findOneBy(Product, { id: input.productId });
      if (!product || product.shopId !== shopId) throw new NotFoundError('productId', 'PRODUCT_NOT_FOUND');
      if (product.status !== 'listed') {
        throw new ConflictError('PRODUCT_NOT_LISTED', `${product.title} is not on sale`);
      }
      const skus = new Map((await tx.findBy(Sku, { productId: product.id })).map((s) => [s.id, s]));
      input.skus.forEach((line, i) => {
        const sku = skus.get(line.skuId);
        if (!sku) throw new NotFoundError(`skus.${i}.skuId`, 'SKU_NOT_FOUND');
        if (input.skus.findIndex((l) => l.skuId === line.skuId) !== i) {
          throw new InvalidInputError('DUPLICATE_SKU', `skus.${i}.skuId repeats an earlier SKU`);
        }
        if (line.groupPriceFen >= sku.priceFen) {
          throw new InvalidInputError(
            'GROUP_PRICE_NOT_LOWER',
            `skus.${i}.groupPriceFen must be below the SKU's price of ${sku.priceFen} fen`,
          );
        }
      });
      const deal = tx.create(GroupDeal, {
        shopId,
        productId: product.id,
        groupSize: input.groupSize,
        windowHours: input.windowHours ?? GROUP_BUY_RULES.defaultWindowHours,
        status: 'active',
        createdAt: this.clock.now(),
        endedAt: null,
      });
      await tx.save(deal).catch((err: unknown) => {
        if (sqlState(err) === UNIQUE_VIOLATION) {
          throw new ConflictError('DEAL_ALREADY_ACTIVE', 'this product already has an active group deal: end it first');
        }
        throw err;
      });
      await tx.insert(
        GroupDealSku,
        input.skus.map((s) => ({ dealId: deal.id, skuId: s.skuId, groupPriceFen: s.groupPriceFen })),
      );
      return this.views.deal(tx, deal);
    });
  }

  /** Ends a deal: no new teams; its teams run to their end. Ending an ended deal changes nothing. */
  endDeal(userId: string, dealId: string): Promise<GroupDealView> {
    return runInTransaction(this.db, async (tx) => {
      const deal = await tx.findOne(GroupDeal, { where: { id: dealId }, lock: { mode: 'pessimistic_write' } });
      if (!deal) throw new NotFoundError('group deal', 'DEAL_NOT_FOUND');
      await this.shops.findOwned(deal.shopId, userId, tx).catch((err: unknown) => {
        throw err instanceof NotFoundError ? new NotFoundError('group deal', 'DEAL_NOT_FOUND') : err;
      });
      if (deal.status === 'active') {
        Object.assign(deal, { status: 'ended', endedAt: this.clock.now() });
        await tx.update(GroupDeal, { id: deal.id }, { status: deal.status, endedAt: deal.endedAt });
      }
      return this.views.deal(tx, deal);
    });
  }

  // --- Teams (shoppers) ----------------------------------------------------------------------

  /** Opens a team with the caller as its leader and places the leader's order at the group price. */
  open(userId: string, input: SeatInput & { dealId: string; chatId?: string }, key?: string): Promise<TeamOrderView> {
    const call = { userId, scope: 'group-buys.open', key, request: input };
    return this.idempotency.run(call, async (tx) => {
      const deal = await tx.findOneBy(GroupDeal, { id: input.dealId });
      if (!deal) throw new NotFoundError('group deal', 'DEAL_NOT_FOUND');
      if (deal.status !== 'active') throw new ConflictError('DEAL_ENDED', 'this group deal has ended');
      const chat = input.chatId ? await this.memberChat(tx, userId, input.chatId) : null;
      const team = await tx.save(
        tx.create(GroupTeam, {
          dealId: deal.id,
          shopId: deal.shopId,
          productId: deal.productId,
          leaderId: userId,
          chatId: chat?.id ?? null,
          groupSize: deal.groupSize,
          windowHours: deal.windowHours,
          status: 'forming',
          paid: 0,
          held: 0,
          createdAt: this.clock.now(),
          openedAt: null,
          expiresAt: null,
          formedAt: null,
          failedAt: null,
          cancelledAt: null,
        }),
      );
      return this.takeSeat(tx, userId, team, input, chat, true);
    });
  }

  /** Joins a team: the caller's order at the group price holds a seat until it is paid or cancelled. */
  join(userId: string, teamId: string, input: SeatInput, key?: string): Promise<TeamOrderView> {
    const call = { userId, scope: 'group-buys.join', key, request: { teamId, ...input } };
    return this.idempotency.run(call, async (tx) => {
      const team = await this.lockTeam(tx, teamId);
      const inTeam = await tx.existsBy(GroupSeat, { teamId, userId, status: In(['held', 'paid']) });
      const verdict = joinVerdict(team, { inTeam }, this.clock.now());
      if (!verdict.ok) throw new ConflictError(verdict.code, verdict.message);
      const chat = team.chatId ? await tx.findOneBy(Chat, { id: team.chatId }) : null;
      return this.takeSeat(tx, userId, team, input, chat, false);
    });
  }

  /** The member's order at the deal's price for their SKU, and their held seat, counted on the team. */
  private async takeSeat(
    tx: EntityManager,
    userId: string,
    team: GroupTeam,
    input: SeatInput,
    chat: Chat | null,
    leader: boolean,
  ): Promise<TeamOrderView> {
    const price = await tx.findOneBy(GroupDealSku, { dealId: team.dealId, skuId: input.skuId });
    if (!price) throw new NotFoundError('skuId', 'SKU_NOT_IN_DEAL');
    const scene = input.scene ?? (chat?.type === 'group' ? 'group_chat' : 'chat');
    if (scene !== 'chat' && scene !== 'group_chat') {
      throw new InvalidInputError(
        'VALIDATION_FAILED',
        'scene must be chat or group_chat: a group buy is shared in chats',
      );
    }
    const address = await this.addresses.resolve(tx, userId, input);
    const order = await this.orders.place(tx, {
      buyerId: userId,
      kind: GROUP_BUY_ORDER,
      lines: [{ skuId: input.skuId, quantity: input.quantity }],
      address,
      scene,
      unitPrices: new Map([[price.skuId, price.groupPriceFen]]),
    });
    await tx.query('UPDATE group_teams SET held = held + 1 WHERE id = $1', [team.id]);
    await tx.insert(GroupSeat, {
      teamId: team.id,
      userId,
      orderId: order.id,
      leader,
      status: 'held',
      createdAt: this.clock.now(),
      paidAt: null,
      releasedAt: null,
    });
    return { teamId: team.id, orderId: order.id, totalFen: order.totalFen };
  }

  // --- Seats follow their orders -------------------------------------------------------------

  /** The pay guard: a seat is paid while its team is forming (the leader) or open before its deadline. */
  private async assertSeatPayable(manager: EntityManager, order: Order): Promise<void> {
    const [team]: { status: GroupTeam['status']; expires_at: Date | null }[] = await manager.query(
      `SELECT t.status, t.expires_at FROM group_seats s JOIN group_teams t ON t.id = s.team_id
        WHERE s.order_id = $1`,
      [order.id],
    );
    if (!team) throw new Error(`group-buy order ${order.id} has no seat`);
    if (!seatPayable({ status: team.status, expiresAt: team.expires_at }, this.clock.now())) {
      const why = team.status === 'open' ? 'past its deadline' : team.status;
      throw new ConflictError('TEAM_CLOSED', `the team is closed (${why}): this seat can no longer be paid`);
    }
  }

  /** A seat's order was paid: the leader's opens the team; the one that fills it forms it. */
  private async onSeatPaid(tx: EntityManager, order: Order): Promise<void> {
    const now = this.clock.now();
    const {
      rows: [seat],
    } = await prepared<{ team_id: string }>(
      tx,
      'group_buys.pay_seat',
      `UPDATE group_seats SET status = 'paid', paid_at = $2 WHERE order_id = $1 AND status = 'held' RETURNING team_id`,
      [order.id, now],
    );
    if (!seat) throw new Error(`group-buy order ${order.id} was paid without a held seat`);
    const team = await this.lockTeam(tx, seat.team_id);
    if (!seatPayable(team, now)) throw new ConflictError('TEAM_CLOSED', 'the team is closed');
    const counts = { paid: team.paid + 1, held: team.held - 1 };
    if (team.status === 'forming') {
      const expiresAt = new Date(now.getTime() + team.windowHours * HOUR_MS);
      const opened = await this.move(tx, team, 'open', { ...counts, openedAt: now, expiresAt });
      await this.jobs.enqueue(tx, {
        kind: GROUP_BUY_JOBS.expire,
        runAt: expiresAt,
        payload: { teamId: team.id },
        uniqueKey: `${GROUP_BUY_JOBS.expire}:${team.id}`,
        maxAttempts: 20,
      });
      if (opened.chatId) {
        await this.social.postMessage(tx, {
          chatId: opened.chatId,
          senderId: opened.leaderId,
          type: 'group_buy',
          teamId: opened.id,
          productId: opened.productId,
        });
      }
    } else if (formsNow({ ...team, paid: counts.paid })) {
      const formed = await this.move(tx, team, 'form', { ...counts, formedAt: now });
      const paid: { order_id: string }[] = await tx.query(
        "SELECT order_id FROM group_seats WHERE team_id = $1 AND status = 'paid' ORDER BY order_id",
        [team.id],
      );
      await this.events.publish(tx, 'team.formed', { teamId: team.id, orderIds: paid.map((s) => s.order_id) });
      await this.notice(tx, formed, { kind: 'team_formed', params: { groupSize: formed.groupSize } });
    } else {
      await tx.update(GroupTeam, { id: team.id }, counts);
    }
  }

  /** A seat's order was cancelled unpaid: the seat is free again; a leader's leaves the team cancelled. */
  private async onSeatCancelled(tx: EntityManager, order: Order): Promise<void> {
    const now = this.clock.now();
    const {
      rows: [seat],
    } = await prepared<{ team_id: string; leader: boolean }>(
      tx,
      'group_buys.release_seat',
      `UPDATE group_seats SET status = 'released', released_at = $2 WHERE order_id = $1 AND status = 'held'
       RETURNING team_id, leader`,
      [order.id, now],
    );
    if (!seat) return;
    const team = await this.lockTeam(tx, seat.team_id);
    const held = team.held - 1;
    if (seat.leader && team.status === 'forming') await this.move(tx, team, 'cancel', { held, cancelledAt: now });
    else await tx.update(GroupTeam, { id: team.id }, { held });
  }

  /**
   * The deadline: a team still open fails. Its unpaid members' orders are cancelled and its paid
   * members' refunded in full (one refund key per order, so exactly once however often this runs);
   * their stock returns. The seats' orders are locked before the team (the lock order).
   */
  private async failIfDue(tx: EntityManager, teamId: string): Promise<void> {
    const before = await tx.findOneBy(GroupTeam, { id: teamId });
    if (before?.status !== 'open' || !before.expiresAt || this.clock.now() < before.expiresAt) return;
    const seatOrders = async () =>
      (
        (await tx.query(
          "SELECT order_id FROM group_seats WHERE team_id = $1 AND status IN ('held', 'paid') ORDER BY order_id",
          [teamId],
        )) as { order_id: string }[]
      ).map((s) => s.order_id);
    const orderIds = await seatOrders();
    const orders: Order[] = [];
    for (const id of orderIds) orders.push(await this.orders.lock(tx, id));
    const team = await this.lockTeam(tx, teamId);
    if (team.status !== 'open') return; // it formed meanwhile
    // A join that committed after the seats were read holds an order this job has not locked: retry.
    if ((await seatOrders()).join() !== orderIds.join()) throw new Error(`team ${teamId} changed while failing`);
    const failed = await this.move(tx, team, 'fail', { failedAt: this.clock.now() });
    const refunded: string[] = [];
    for (const order of orders) {
      if (order.status === 'pending_payment') await this.orders.cancelIn(tx, order);
      else if (order.status === 'paid') {
        await this.orders.refundUnsold(tx, order, 'the group buy did not form by its deadline');
        refunded.push(order.id);
      }
    }
    await this.events.publish(tx, 'team.failed', { teamId, orderIds: refunded });
    await this.notice(tx, failed, { kind: 'team_failed', params: { paid: refunded.length } });
  }

  // --- Helpers -------------------------------------------------------------------------------

  private async lockTeam(tx: EntityManager, teamId: string): Promise<GroupTeam> {
    // (An undefined id would make TypeORM's findOne match any row.)
    if (typeof teamId !== 'string') throw new Error('lockTeam needs a team id');
    const team = await tx.findOne(GroupTeam, { where: { id: teamId }, lock: { mode: 'pessimistic_write' } });
    if (!team) throw new NotFoundError('team', 'TEAM_NOT_FOUND');
    return team;
  }

  private move(
    tx: EntityManager,
    team: GroupTeam,
    action: TeamAction,
    changes: Partial<GroupTeam>,
  ): Promise<GroupTeam> {
    const status = transition('team', TEAM_TRANSITIONS, team.status, action);
    return writeTransition(tx, GroupTeam, team, status, changes, 'team');
  }

  /** A chat the caller belongs to; 404 otherwise (the card goes only where its leader is a member). */
  private async memberChat(tx: EntityManager, userId: string, chatId: string): Promise<Chat> {
    await this.social.assertMember(userId, chatId, tx);
    return tx.findOneByOrFail(Chat, { id: chatId });
  }

  private async notice(
    tx: EntityManager,
    team: GroupTeam,
    notice: { kind: 'team_formed'; params: { groupSize: number } } | { kind: 'team_failed'; params: { paid: number } },
  ): Promise<void> {
    if (!team.chatId) return;
    await this.social.postNotice(tx, { chatId: team.chatId, senderId: team.leaderId, notice, teamId: team.id });
  }
}
