import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CLAIM_REFUSALS,
  claimEligibility,
  type ClaimRefusal,
  declineEligibility,
  describeNotice,
  GIFT_STATUS_CODES,
  GIFT_TRANSITIONS,
  skuGiftEligibility,
} from '@giftshop/shared';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, EntityManager } from 'typeorm';
import { AddressChoice, AddressesService } from '../addresses/addresses.service';
import { prepared } from '../database/prepared';
import { runInTransaction, withRetries } from '../database/run-in-transaction';
import { skuLabel } from '../catalog/sku-label';
import { Sku } from '../catalog/sku.entity';
import { StockService } from '../catalog/stock.service';
import { ClockService } from '../clock/clock.service';
import { KeyedBatcher } from '../common/keyed-batcher';
import { ConflictError, DomainError, ForbiddenError, InvalidInputError, NotFoundError } from '../common/domain-errors';
import { FulfilmentService } from '../fulfilment/fulfilment.service';
import { User } from '../identity/user.entity';
import { Address } from '../orders/order.entity';
import { LedgerService } from '../ledger/ledger.service';
import { SocialService } from '../social/social.service';
import { Gift, GiftClaim, GiftEntry, GiftUnit } from './gift.entity';
import { giftState, GiftsService } from './gifts.service';

/**
 * At most this many claims of one gift go into one statement. A gift has at most 100 units, so a
 * batch this size settles most of a group's storm in one or two statements.
 */
const CLAIM_BATCH_MAX = 100;

/**
 * A claimer who found no free unit while units were still open asks again, up to this many
 * times, this many ms apart: long enough for the claims holding them to commit or let go.
 */
const CLAIM_RETRIES = 50;
const CLAIM_RETRY_MS = 5;

/** The Chinese text of a claim notice, with `{nickname}` for the claim statement to fill in. */
const CLAIMED_TEXT = describeNotice({ kind: 'gift_claimed', params: { nickname: '{nickname}' } }, 'zh');
const ALL_CLAIMED_TEXT = describeNotice({ kind: 'gift_all_claimed', params: { units: 0 } }, 'zh').replace(
  '0',
  '{units}',
);

/**
 * Recipients' side of a gift: claim a unit (one per member; first come, or lottery winners),
 * decline a single gift, enter a lottery.
 *
 * A claim takes the first open unit with `FOR UPDATE SKIP LOCKED`, so concurrent claimers never
 * queue on one row and never take the same unit; the unique (gift, recipient) index makes a
 * member's repeated or concurrent claims one claim. Every path here follows the lock order written
 * at GiftsService.lock (order → gift → units → claims), and runs through runInTransaction /
 * withRetries, which repeat it on a deadlock or serialization failure.
 */
/** A claim just made: the row and its SKU's specs. */
interface Claimed {
  row: GiftClaim;
  specs: Record<string, string>;
}

@Injectable()
export class ClaimsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: ClockService,
    private readonly gifts: GiftsService,
    private readonly social: SocialService,
    private readonly stock: StockService,
    private readonly ledger: LedgerService,
    private readonly addresses: AddressesService,
    private readonly fulfilments: FulfilmentService,
  ) {}

  /** The claim, with its SKU's specs (read with it, so answering costs no further query). */
  async claim(
    userId: string,
    giftId: string,
    input: { skuId?: string } & AddressChoice,
  ): Promise<{ claim: GiftClaim; specs: Record<string, string> }> {
    // A copy of the saved address, read before the claim's transaction: later edits do not reach it.
    const address = await this.addresses.resolve(this.db.manager, userId, input);
    let claim: Claimed;
    if (input.skuId === undefined) {
      claim = await this.claimAsSent(userId, giftId, address);
    } else {
      const now = this.clock.now();
      const gift = await this.precheck(userId, giftId, now);
      if (input.skuId === gift.skuId) {
        claim = await this.claimAsSent(userId, giftId, address);
      } else {
        claim = await this.claimOtherVariant(userId, gift, input.skuId, address, now);
        await this.markAcceptedIfAllClaimed(giftId);
      }
    }
    return { claim: claim.row, specs: claim.specs };
  }

  /**
   * Every fact claimEligibility needs, in one query: who may claim, the gift's state, a lottery
   * win, an earlier claim, and whether any unit is still open. Throws the rule's answer when the
   * caller cannot claim; the same reading explains a claim statement that took nothing.
   */
  private async precheck(
    userId: string,
    giftId: string,
    now: Date,
    manager: EntityManager = this.db.manager,
  ): Promise<Gift> {
    const {
      entities: [gift],
      raw: [flags],
    } = await manager
      .getRepository(Gift)
      .createQueryBuilder('g')
      .addSelect(
        'EXISTS (SELECT 1 FROM chat_members m WHERE m.chat_id = g.chat_id AND m.user_id = :userId)',
        'is_member',
      )
      .addSelect('EXISTS (SELECT 1 FROM gift_claims c WHERE c.gift_id = g.id AND c.recipient_id = :userId)', 'claimed')
      .addSelect("EXISTS (SELECT 1 FROM gift_units u WHERE u.gift_id = g.id AND u.status = 'open')", 'has_open')
      .addSelect('(SELECT e.won FROM gift_entries e WHERE e.gift_id = g.id AND e.user_id = :userId)', 'won')
      .where('g.id = :giftId', { giftId, userId })
      .getRawAndEntities<{ is_member: boolean; claimed: boolean; has_open: boolean; won: boolean | null }>();
    if (!gift) throw new NotFoundError('gift');
    const verdict = claimEligibility({
      gift: {
        mode: gift.mode,
        status: gift.status,
        expiresAt: gift.expiresAt,
        drawnAt: gift.drawnAt,
        hasOpenUnit: flags.has_open,
      },
      caller: {
        isMember: flags.is_member,
        isGiver: gift.giverId === userId,
        hasClaimed: flags.claimed,
        won: flags.won,
      },
      now,
    });
    if (!verdict.ok) throw refused(verdict);
    return gift;
  }

  /**
   * The giver's variant, the hot path of a claim storm: the claims of one gift that arrive
   * together are applied by one statement (claimBatch); this one's answer, or the refusal that
   * says why it took nothing (`precheck`).
   */
  private async claimAsSent(userId: string, giftId: string, address: Address): Promise<Claimed> {
    for (let attempt = 1; ; attempt++) {
      const result = await this.batches.add(giftId, { claimId: randomUUID(), userId, address });
      if (result.claimed) return result.claimed;
      if (!result.eligible) {
        // The caller may not claim this gift: precheck throws the reason (404, 403, expired, lottery, claimed).
        await this.precheck(userId, giftId, result.now);
        throw refused(CLAIM_REFUSALS.allTaken);
      }
      // A unit was matched but the insert met the member's own claim.
      if (result.matched) throw refused(CLAIM_REFUSALS.alreadyClaimed);
      // No unit was free, yet some are still open: claims in flight hold them (SKIP LOCKED passed
      // them by), and one that meets its member's earlier claim lets its unit go. Ask again.
      if (!result.unitsLeft || attempt >= CLAIM_RETRIES) throw refused(CLAIM_REFUSALS.allTaken);
      await sleep(CLAIM_RETRY_MS);
    }
  }

  private readonly batches = new KeyedBatcher<BatchedClaim, BatchOutcome>(
    (giftId, claims) => this.claimBatch(giftId, claims),
    CLAIM_BATCH_MAX,
  );

  /**
   * A batch of claims of one gift in one statement: it checks who may claim (member, not the
   * giver, gift sent and not expired, lottery winner, not claimed before), takes as many open
   * units as there are such claimers (SKIP LOCKED, so concurrent batches never queue on a row),
   * matches them in arrival order, writes the claims, marks the units, charges their fees, opens
   * their parcels and posts the chat lines, atomically. The unique (gift, recipient) index turns a
   * member's concurrent repeats into one claim; repeats within a batch are answered as repeats.
   *
   * Its first step locks the gift FOR KEY SHARE (the lock order: gift before unit). Claims share
   * it; a decline or the expiry holding the gift FOR UPDATE makes the claim wait, after which
   * PostgreSQL re-checks the gift's status on its new version and the claim takes nothing.
   * After a batch that took units, the gift is settled if none is left open (after commit, so
   * the last batch to commit always sees every claim).
   */
  private async claimBatch(giftId: string, claims: BatchedClaim[]): Promise<BatchOutcome[]> {
    const now = this.clock.now();
    // One member's repeats in one batch: the first goes in, the others are answered from it.
    const first = new Map<string, number>();
    claims.forEach((c, i) => {
      if (!first.has(c.userId)) first.set(c.userId, i);
    });
    const distinct = [...first.values()].map((i) => claims[i]);
    const rows: {
      claim_id: string;
      eligible: boolean;
      matched: boolean;
      claimed: boolean;
      sku_id: string;
      unit_price_fen: number;
      specs: Record<string, string>;
    }[] = await this.prepared(
      'gift_claim_batch',
      `WITH req AS (
           SELECT r.claim_id, r.user_id, r.address, r.ord
             FROM unnest($1::uuid[], $2::uuid[], $3::jsonb[]) WITH ORDINALITY AS r(claim_id, user_id, address, ord)
         ), g AS MATERIALIZED (
           SELECT g.id, g.sku_id, g.unit_price_fen, g.order_id, g.chat_id, g.giver_id, g.mode FROM gifts g
            WHERE g.id = $4 AND g.status = $6 AND g.expires_at > $5
           FOR KEY SHARE OF g
         ), eligible AS MATERIALIZED (
           SELECT req.*, row_number() OVER (ORDER BY req.ord) AS n FROM req, g
            WHERE g.giver_id <> req.user_id
              AND EXISTS (SELECT 1 FROM chat_members m WHERE m.chat_id = g.chat_id AND m.user_id = req.user_id)
              AND (g.mode <> 'lottery' OR EXISTS (
                SELECT 1 FROM gift_entries e WHERE e.gift_id = g.id AND e.user_id = req.user_id AND e.won))
              AND NOT EXISTS (SELECT 1 FROM gift_claims c WHERE c.gift_id = g.id AND c.recipient_id = req.user_id)
         ), unit AS MATERIALIZED (
           SELECT l.id, l.paid_fen, row_number() OVER (ORDER BY l.idx) AS n FROM (
             SELECT u.id, u.paid_fen, u.idx FROM gift_units u, g
              WHERE u.gift_id = g.id AND u.status = 'open'
              ORDER BY u.idx LIMIT (SELECT count(*) FROM eligible) FOR UPDATE OF u SKIP LOCKED) l
         ), pair AS MATERIALIZED (
           SELECT e.claim_id, e.user_id, e.address, e.ord, unit.id AS unit_id, unit.paid_fen
             FROM eligible e JOIN unit USING (n)
         ), claim AS (
           INSERT INTO gift_claims (id, gift_id, recipient_id, sku_id, unit_price_fen, address, accepted_at)
           SELECT pair.claim_id, g.id, pair.user_id, g.sku_id, g.unit_price_fen, pair.address, $5 FROM pair, g
           ON CONFLICT (gift_id, recipient_id) DO NOTHING RETURNING id
         ), taken AS (
           UPDATE gift_units u SET status = 'claimed', claim_id = pair.claim_id
             FROM pair JOIN claim ON claim.id = pair.claim_id
            WHERE u.id = pair.unit_id RETURNING u.id, u.claim_id
         ), fee AS (
           -- The units' fees, fixed at payment, are charged as they are accepted (the ledger's SQL).
           ${LedgerService.chargeUnitFeeSql()}
         ), parcel AS (
           -- Their parcels wait to be shipped (the fulfilment module's SQL).
           ${FulfilmentService.openForClaimsSql()}
         ), notice AS (
           -- The chat's "<nickname> claimed" lines, with the claims (the social module's SQL; CLAIMED_TEXT).
           ${SocialService.claimedNoticeSql('$7')}
         )
         SELECT req.claim_id, e.claim_id IS NOT NULL AS eligible, pair.claim_id IS NOT NULL AS matched,
                EXISTS (SELECT 1 FROM claim WHERE claim.id = req.claim_id) AS claimed,
                g.sku_id, g.unit_price_fen, (SELECT s.specs FROM skus s WHERE s.id = g.sku_id) AS specs
           FROM req LEFT JOIN g ON true LEFT JOIN eligible e ON e.claim_id = req.claim_id
                LEFT JOIN pair ON pair.claim_id = req.claim_id
          ORDER BY req.ord`,
      [
        distinct.map((c) => c.claimId),
        distinct.map((c) => c.userId),
        distinct.map((c) => JSON.stringify(c.address)),
        giftId,
        now,
        GIFT_STATUS_CODES.sent,
        CLAIMED_TEXT,
      ],
    );
    const outcomes = new Map(
      rows.map((r, i): [string, BatchOutcome] => {
        const c = distinct[i];
        const row = this.db.getRepository(GiftClaim).create({
          id: c.claimId,
          giftId,
          recipientId: c.userId,
          skuId: r.sku_id,
          unitPriceFen: r.unit_price_fen,
          address: c.address,
          acceptedAt: now,
        });
        const claimed = r.claimed ? { row, specs: r.specs } : null;
        return [c.userId, { now, eligible: r.eligible, matched: r.matched, claimed, unitsLeft: false }];
      }),
    );
    if (rows.some((r) => r.claimed)) await this.markAcceptedIfAllClaimed(giftId);
    // Claimers left without a unit ask again while units are open (held by claims in flight).
    const unitsLeft = rows.some((r) => r.eligible && !r.matched) && (await this.hasOpenUnit(giftId));
    return claims.map((c, i) => {
      const outcome = { ...(outcomes.get(c.userId) as BatchOutcome), unitsLeft };
      // A repeat within the batch: the member's first claim answers it.
      if (first.get(c.userId) === i) return outcome;
      return outcome.claimed ? { ...outcome, claimed: null, matched: true } : outcome;
    });
  }

  /** Whether any unit of the gift is open now, held by a claim in flight or not. */
  private async hasOpenUnit(giftId: string): Promise<boolean> {
    const [row] = await this.prepared<{ open: boolean }>(
      'gift_has_open_unit',
      "SELECT EXISTS (SELECT 1 FROM gift_units WHERE gift_id = $1 AND status = 'open') AS open",
      [giftId],
    );
    return row.open;
  }

  /** A claim statement, prepared (parsed and planned once per connection), on a pooled connection. */
  private prepared<T>(name: string, text: string, values: unknown[]): Promise<T[]> {
    // One statement is its own transaction: a deadlock or serialization failure left nothing behind.
    return withRetries(async () => (await prepared<T>(this.db.manager, name, text, values)).rows);
  }

  /**
   * Another variant of the same price: the reserved stock moves with the claim, in one transaction
   * that takes its locks as the one-statement claim does (gift FOR KEY SHARE, then a unit, then
   * the claim row).
   */
  private claimOtherVariant(userId: string, gift: Gift, skuId: string, address: Address, now: Date): Promise<Claimed> {
    return runInTransaction(this.db, async (tx) => {
      const sku = await this.chosenSku(tx, gift, skuId);
      const [open]: unknown[] = await tx.query(
        'SELECT id FROM gifts WHERE id = $1 AND status = $2 AND expires_at > $3 FOR KEY SHARE',
        [gift.id, GIFT_STATUS_CODES.sent, now],
      );
      if (!open) {
        await this.precheck(userId, gift.id, now, tx); // a decline or the expiry came first: says so
        throw refused(CLAIM_REFUSALS.allTaken);
      }
      const [unit]: { id: string; paid_fen: number }[] = await tx.query(
        `SELECT id, paid_fen FROM gift_units WHERE gift_id = $1 AND status = 'open'
          ORDER BY idx LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [gift.id],
      );
      if (!unit) {
        await this.precheck(userId, gift.id, now, tx); // the member's own claim came first: says so
        throw refused(CLAIM_REFUSALS.allTaken);
      }
      const claimId = randomUUID();
      const inserted: unknown[] = await tx.query(
        `INSERT INTO gift_claims (id, gift_id, recipient_id, sku_id, unit_price_fen, address, accepted_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (gift_id, recipient_id) DO NOTHING RETURNING id`,
        [claimId, gift.id, userId, sku.id, gift.unitPriceFen, JSON.stringify(address), now],
      );
      if (inserted.length === 0) throw refused(CLAIM_REFUSALS.alreadyClaimed);
      await tx.query("UPDATE gift_units SET status = 'claimed', claim_id = $2 WHERE id = $1", [unit.id, claimId]);
      await this.fulfilments.openForClaim(
        tx,
        { orderId: gift.orderId, claimId, unitId: unit.id, recipientId: userId, address },
        { skuId: sku.id, paidFen: unit.paid_fen },
      );
      await this.ledger.chargeUnitFee(tx, unit.id);
      const { nickname } = await tx.findOneByOrFail(User, { id: userId });
      await this.gifts.postGiftNotice(tx, gift, { kind: 'gift_claimed', params: { nickname } }, userId);
      // The gift reserved the giver's variant; the recipient's choice takes its place. The two
      // SKU rows are written in id order, as StockService does, so two swaps cannot deadlock.
      const release = () => this.stock.release(tx, [{ skuId: gift.skuId, quantity: 1 }]);
      const reserve = () => this.stock.reserve(tx, [{ skuId: sku.id, quantity: 1 }], () => skuLabel(sku));
      if (gift.skuId < sku.id) {
        await release();
        await reserve();
      } else {
        await reserve();
        await release();
      }
      return { row: await tx.findOneByOrFail(GiftClaim, { id: claimId }), specs: sku.specs };
    });
  }

  /** A single gift's recipient says no: the whole gift is refunded to the giver at once. */
  async decline(userId: string, giftId: string): Promise<void> {
    await runInTransaction(this.db, async (tx) => {
      await this.sentGiftFor(tx, userId, giftId);
      const gift = await this.gifts.lock(tx, giftId);
      if (gift.mode !== 'single')
        throw new InvalidInputError('NOT_A_SINGLE_GIFT', 'only a single gift can be declined');
      const verdict = declineEligibility({
        gift: { status: gift.status, expiresAt: gift.expiresAt },
        // sentGiftFor has made sure the caller is a member.
        caller: {
          isMember: true,
          isGiver: gift.giverId === userId,
          hasClaimed: await tx.existsBy(GiftClaim, { giftId, recipientId: userId }),
        },
        now: this.clock.now(),
      });
      if (!verdict.ok) throw refused(verdict);
      const [units]: [GiftUnit[], number] = await tx.query(
        "UPDATE gift_units SET status = 'expired' WHERE gift_id = $1 AND status = 'open' RETURNING id",
        [giftId],
      );
      const expired = await this.gifts.move(tx, gift, 'expire', { declinedAt: this.clock.now() });
      const { nickname } = await tx.findOneByOrFail(User, { id: userId });
      await this.gifts.postGiftNotice(tx, gift, { kind: 'gift_declined', params: { nickname } }, userId);
      for (const { id } of units) {
        const unit = await tx.findOneByOrFail(GiftUnit, { id });
        await this.gifts.refundUnit(tx, expired, unit, 'gift declined by the recipient');
      }
    });
  }

  /** Lottery: a member enters before the draw. Entering twice is the same entry. */
  async enter(userId: string, giftId: string): Promise<GiftEntry> {
    return runInTransaction(this.db, async (tx) => {
      await this.sentGiftFor(tx, userId, giftId);
      // A share lock: entries do not block each other, but the draw (FOR UPDATE) waits for them, so
      // an entry is either in the drawn list or refused.
      const gift = await tx.findOneOrFail(Gift, { where: { id: giftId }, lock: { mode: 'pessimistic_read' } });
      if (gift.mode !== 'lottery') throw new InvalidInputError('NOT_A_LOTTERY', 'only a lottery gift can be entered');
      if (gift.drawnAt || !gift.drawAt || this.clock.now() >= gift.drawAt) {
        throw new ConflictError('DRAW_CLOSED', 'the draw has closed');
      }
      await tx
        .createQueryBuilder()
        .insert()
        .into(GiftEntry)
        .values({ giftId, userId, enteredAt: this.clock.now(), won: null })
        .orIgnore()
        .execute();
      return tx.findOneByOrFail(GiftEntry, { giftId, userId });
    });
  }

  /**
   * Run after a claim commits: the gift is 20 once no unit is left unclaimed. Of two claims that
   * commit together at least one sees the other, so the last one always settles it.
   */
  private async markAcceptedIfAllClaimed(giftId: string): Promise<void> {
    const from = GIFT_TRANSITIONS.accept_all.from.map((s) => GIFT_STATUS_CODES[s]);
    // The status moves once, so the "all claimed" line is written once, by whoever moved it.
    await this.db.query(
      `WITH done AS (
         UPDATE gifts SET status = $2 WHERE id = $1 AND status = ANY($3::smallint[])
           AND NOT EXISTS (SELECT 1 FROM gift_units WHERE gift_id = $1 AND status <> 'claimed')
         RETURNING id, chat_id, giver_id, units
       )
       INSERT INTO messages (chat_id, sender_id, type, text, notice, gift_id, created_at)
       SELECT chat_id, giver_id, 'system', replace($4, '{units}', units::text),
              jsonb_build_object('kind', 'gift_all_claimed', 'params', jsonb_build_object('units', units)), id, $5
         FROM done`,
      [giftId, GIFT_STATUS_CODES[GIFT_TRANSITIONS.accept_all.to], from, ALL_CLAIMED_TEXT, this.clock.now()],
    );
  }

  /**
   * The gift, sent, as a chat member other than the giver may act on it. Non-members and gifts not
   * yet sent are 404; the giver is 403.
   */
  private async sentGiftFor(tx: EntityManager, userId: string, giftId: string): Promise<Gift> {
    const gift = await tx.findOneBy(Gift, { id: giftId });
    if (!gift) throw new NotFoundError('gift');
    await this.social.assertMember(userId, gift.chatId, tx).catch(() => {
      throw new NotFoundError('gift');
    });
    const state = giftState(gift);
    if (state === 'pending_payment' || state === 'cancelled') throw new NotFoundError('gift');
    if (gift.giverId === userId)
      throw new ForbiddenError('GIVER_CANNOT_CLAIM', 'the giver cannot claim their own gift');
    return gift;
  }

  /** The giver's SKU, or another giftable SKU of the same product at the same price. */
  private async chosenSku(tx: EntityManager, gift: Gift, skuId?: string): Promise<Sku> {
    const sku = await tx.findOne(Sku, { where: { id: skuId ?? gift.skuId }, relations: { product: true } });
    if (!sku?.product) throw new NotFoundError('sku');
    if (sku.id === gift.skuId) return sku;
    if (sku.productId !== gift.productId) {
      throw new InvalidInputError('VARIANT_NOT_ALLOWED', 'skuId must be a variant of the gifted product');
    }
    if (sku.priceFen !== gift.unitPriceFen) {
      throw new InvalidInputError('VARIANT_NOT_ALLOWED', 'skuId must cost the same as the gifted variant');
    }
    const eligibility = skuGiftEligibility({ categoryCode: sku.product.categoryCode, listPriceFen: sku.listPriceFen });
    if (!eligibility.giftable) throw new InvalidInputError('VARIANT_NOT_ALLOWED', `skuId: ${eligibility.reason}`);
    if (sku.product.status !== 'listed')
      throw new ConflictError('PRODUCT_NOT_LISTED', 'the product is no longer on sale');
    return sku;
  }
}

/** The HTTP answer to a refused claim or decline: a hidden gift is 404, the giver 403, the rest 409. */
function refused(refusal: ClaimRefusal): DomainError {
  if (refusal.code === 'GIFT_NOT_FOUND') return new NotFoundError('gift');
  if (refusal.code === 'GIVER_CANNOT_CLAIM') return new ForbiddenError(refusal.code, refusal.reason);
  return new ConflictError(refusal.code, refusal.reason);
}

/** A claim of the giver's variant waiting for its batch. */
interface BatchedClaim {
  claimId: string;
  userId: string;
  address: Address;
}

/** What a batch did for one claim: the claim made, or what the refusal needs to say why not. */
interface BatchOutcome {
  now: Date;
  /** The caller may claim (member, not the giver, gift open, winner, not claimed before). */
  eligible: boolean;
  /** A unit was matched to the caller (taken, unless the caller's own claim came first). */
  matched: boolean;
  claimed: Claimed | null;
  /** Units were still open after the batch (held by other claims in flight): worth asking again. */
  unitsLeft: boolean;
}
