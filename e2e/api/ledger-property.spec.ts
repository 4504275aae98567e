import fc from 'fast-check';
import {
  categoryFeeRateBps,
  COMMISSION_RULES,
  couponDiscount,
  type CouponTerms,
  DEFAULT_FEE_RATE_BPS,
  GIFT_CARD_RULES,
  GIFT_RULES,
  giftUnitFees,
  linesPaidByWechat,
  LedgerEntryView,
  LedgerTotals,
  LedgerView,
  NEW_MERCHANT_FEE,
  ORDER_TIMERS,
  orderCommissions,
  orderFeeRateBps,
  priceOrder,
  serviceFee,
} from '@giftshop/shared';
import type { Response } from 'supertest';
import { ADDRESS } from '../support/fixtures';
import { addressOf, giftWorld } from '../support/gift-fixtures';
import { Session, TestApp } from '../support/test-app';

/**
 * A property test of the merchant ledger: random sequences of orders, gifts, claims, refunds,
 * returns, shipping, clock moves and withdrawals, each run on a fresh shop, checked after every
 * step against a model that knows what was paid, refunded, charged in fees and released. Orders
 * may come through a sharer (推客): named on the order, or by the buyer's latest view through a
 * sharer's link within 7 days; the model books each product's commission and reverses it with
 * refunds. Orders may use one of the shop's coupons (优惠券: the discount spread over the lines
 * they apply to, fees and commissions on what was paid) and the buyer's 节日礼券 (the card part is
 * no income: the card's price was, with its fee, when the buyer claimed it from a friend; a
 * refund puts the card part back on the card; an unclaimed card is refunded to its giver).
 *
 * The seed is fixed (DEFAULT_SEED) so the suite is deterministic. A failure prints its seed and
 * path, the shrunk counterexample and the steps that led to it; replay it with
 * LEDGER_PROPERTY_SEED=<seed> LEDGER_PROPERTY_PATH=<path>. Explore other sequences with another
 * LEDGER_PROPERTY_SEED; LEDGER_PROPERTY_VERBOSE=1 prints every run's steps and what the runs covered.
 */
// Its 30 runs reach every event of MUST_COVER (seeds 1, 2, 3, 5, 6 and 20250611 each miss one to three).
const DEFAULT_SEED = 4;
const SEED = Number(process.env.LEDGER_PROPERTY_SEED ?? DEFAULT_SEED);
const NUM_RUNS = Number(process.env.LEDGER_PROPERTY_RUNS ?? 30);
const MAX_COMMANDS = 15;

const HOUR = 3_600_000;
/** Freight is a flat 10 yuan per order, waived from 99 yuan of goods (the shop's defaults). */
const FREIGHT_FEN = 1000;
const FREE_SHIPPING_FROM_FEN = 9900;

/**
 * One product per fee rate, all giftable (list price = price, far below the gift cap). The
 * prices put fees on half fen: 3350 × 5% = 167.5, 2450 × 1% = 24.5, 9950 × 1% = 99.5.
 */
const PRODUCTS = [
  { title: '西湖龙井', categoryCode: 'tea', priceFen: 2450, commissionBps: 1000 },
  { title: '保湿面霜', categoryCode: 'beauty', priceFen: 3350, commissionBps: 250 },
  { title: '蓝牙耳机', categoryCode: 'digital', priceFen: 9950, commissionBps: 0 },
] as const;
const SHARERS = 2;

/** The shop's coupons, issued at the start of each run: ¥8 off ¥50, 15% off capped at ¥10, ¥3 off its tea. */
const COUPONS: (Omit<CouponTerms, 'productIds'> & { teaOnly: boolean })[] = [
  {
    type: 'amount_off',
    amountOffFen: 800,
    percentOffBps: null,
    minSpendFen: 5000,
    maxDiscountFen: null,
    teaOnly: false,
  },
  {
    type: 'percent_off',
    amountOffFen: null,
    percentOffBps: 1500,
    minSpendFen: 0,
    maxDiscountFen: 1000,
    teaOnly: false,
  },
  { type: 'amount_off', amountOffFen: 300, percentOffBps: null, minSpendFen: 0, maxDiscountFen: null, teaOnly: true },
];
/** The shop's 节日礼券: ¥50, valid for a year once claimed (no run lasts that long). */
const CARD_FACE_FEN = 5000;
/** A claimed card's money settles a week after the claim. */
const CARD_SETTLE_MS = 7 * 24 * 3_600_000;

const MEMBERS = ['bob', 'carol', 'dave'] as const;
type Member = (typeof MEMBERS)[number];

/**
 * Which object a command acts on: the `n`-th (modulo) of those it can act on now when `fit`, else
 * of all of them — the model then expects the server to refuse (409) when the state is wrong.
 */
interface Target {
  n: number;
  fit: boolean;
}

/** Commands on an existing order, after-sales case or gift claim. */
type TargetedKind =
  /** Refund before shipment, or a return request after delivery: the order's state decides. */
  | 'refund'
  | 'ship'
  | 'confirm'
  | 'approve'
  | 'reject'
  /** A recipient's refund of their unit before shipment. */
  | 'giftRefund'
  | 'shipClaim'
  | 'confirmClaim';

/** How an order comes through a sharer: not at all, naming them, or by a view of its first product just before. */
type Via = 'none' | 'sharerId' | 'view';

type Command =
  | {
      kind: 'buy';
      items: { product: number; quantity: number }[];
      via?: Via;
      sharer?: number;
      /** One of COUPONS, claimed just before; null: none. */
      coupon?: number | null;
      /** Pay with the buyer's cards that have money left. */
      cards?: boolean;
    }
  /** Alice sends the buyer a card in their chat; the buyer claims it at once, or never (refunded after 24 h). */
  | { kind: 'card'; claim: boolean }
  | { kind: 'view'; product: number; sharer: number }
  | { kind: 'gift'; product: number; units: number }
  | { kind: 'claim'; target: Target; member: Member }
  | { kind: TargetedKind; target: Target }
  | { kind: 'advance'; hours: number }
  | { kind: 'withdraw'; amount: 'all' | 'half' | 'over' };

interface Shop {
  /** How long ago the shop opened (the new-merchant window is 30 days). */
  ageHours: number;
  /** The shop's GMV counted before the run (the new-merchant cap is 100,000,000 fen). */
  priorGmvFen: number;
}

// ---------------------------------------------------------------------------------------------
// The model

type OrderStatus = 'paid' | 'shipped' | 'delivered' | 'completed' | 'refunded';
type ClaimStatus = 'accepted' | 'shipped' | 'delivered' | 'completed' | 'refunded';

interface ModelOrder {
  id: string;
  totalFen: number;
  /** What WeChat Pay took: the total less what cards paid. The ledger's income. */
  payFen: number;
  /** What each card paid of it. */
  cardParts: { card: ModelCard; amountFen: number }[];
  feeFen: number;
  /** What its sharer earns (booked), 0 when none. */
  commissionFen: number;
  status: OrderStatus;
  shippedAt?: number;
  deliveredAt?: number;
  caseOpen: boolean;
}
interface ModelCase {
  id: string;
  order: ModelOrder;
  open: boolean;
}
interface ModelCard {
  id: string;
  orderId: string;
  sentAt: number;
  claimedAt?: number;
  status: 'sent' | 'claimed' | 'refunded';
  balanceFen: number;
  /** The sale's fee, charged when claimed; the sale settles CARD_SETTLE_MS after. */
  feeFen: number;
  settled: boolean;
}
interface ModelUnit {
  feeFen: number;
  state: 'open' | 'claimed' | 'refunded';
}
interface ModelGift {
  id: string;
  orderId: string;
  unitPriceFen: number;
  sentAt: number;
  units: ModelUnit[];
  claimedBy: Set<Member>;
}
interface ModelClaim {
  id: string;
  gift: ModelGift;
  unit: ModelUnit;
  member: Member;
  status: ClaimStatus;
  shippedAt?: number;
  deliveredAt?: number;
}

/**
 * What the ledger must say. Time is virtual: milliseconds since the shop was created, moved only
 * by `advance` (whole hours). The server's clock also runs on with the wall clock, a few
 * milliseconds per run, which only ever makes a deadline hit at exactly its hour count as
 * passed — hence `>=` for every timer here and a strict `<` for the new-merchant window.
 */
class LedgerModel {
  now = 0;
  paidFen = 0;
  refundedFen = 0;
  releasedFen = 0;
  withdrawnFen = 0;
  /** Net fee per order (charged − reversed). */
  readonly fees = new Map<string, number>();
  /** Net commission per order (booked − reversed). */
  readonly commissions = new Map<string, number>();
  /** The buyer's views through sharers' links, oldest first. */
  readonly views: { product: number; sharer: number; at: number }[] = [];
  readonly orders: ModelOrder[] = [];
  readonly cases: ModelCase[] = [];
  readonly gifts: ModelGift[] = [];
  readonly claims: ModelClaim[] = [];
  readonly cards: ModelCard[] = [];
  /** What happened in this run, for the coverage check. */
  readonly events = new Set<string>();

  constructor(
    private readonly openedAt: number,
    public gmvFen: number,
  ) {}

  get availableFen(): number {
    return this.releasedFen - this.withdrawnFen;
  }

  get feeFen(): number {
    return [...this.fees.values()].reduce((a, b) => a + b, 0);
  }
  get commissionFen(): number {
    return [...this.commissions.values()].reduce((a, b) => a + b, 0);
  }

  /** Who an order of these products is attributed to: the sharer it names, or the last touch. */
  attribution(products: number[], named: number | null): number | null {
    if (named !== null) return named;
    // Strictly inside the window: the server's clock runs a few ms ahead of the model's.
    const touch = this.views
      .filter((v) => products.includes(v.product) && this.now - v.at < COMMISSION_RULES.attributionWindowMs)
      .pop();
    if (touch) this.events.add(this.now - touch.at > 0 ? 'attributed by an earlier view' : 'attributed by a view');
    return touch?.sharer ?? null;
  }

  expired(gift: ModelGift): boolean {
    return this.now - gift.sentAt >= GIFT_RULES.claimWindowMs;
  }
  returnable(order: ModelOrder): boolean {
    return order.status === 'delivered' && !order.caseOpen && !this.windowClosed(order.deliveredAt);
  }
  windowClosed(deliveredAt: number | undefined): boolean {
    return this.now - (deliveredAt as number) >= ORDER_TIMERS.returnWindowMs;
  }
  /** What a targeted command could be aimed at (`all`), and which of those it can act on now. */
  targets(kind: TargetedKind | 'claim'): { all: unknown[]; fits: (x: never) => boolean } {
    switch (kind) {
      case 'refund':
        return { all: this.orders, fits: (o: ModelOrder) => o.status === 'paid' || this.returnable(o) };
      case 'ship':
        return { all: this.orders, fits: (o: ModelOrder) => o.status === 'paid' };
      case 'confirm':
        return { all: this.orders, fits: (o: ModelOrder) => o.status === 'shipped' };
      case 'approve':
      case 'reject':
        return { all: this.cases, fits: (k: ModelCase) => k.open };
      case 'claim':
        return {
          all: this.gifts,
          fits: (g: ModelGift) => !this.expired(g) && g.units.some((u) => u.state === 'open'),
        };
      case 'giftRefund':
        // A delivered unit would open a gift return, which this model leaves out.
        return {
          all: this.claims.filter((k) => k.status !== 'delivered'),
          fits: (k: ModelClaim) => k.status === 'accepted',
        };
      case 'shipClaim':
        return { all: this.claims, fits: (k: ModelClaim) => k.status === 'accepted' };
      case 'confirmClaim':
        return { all: this.claims, fits: (k: ModelClaim) => k.status === 'shipped' };
    }
  }
  /** The object a command acts on (see Target); undefined when there is none yet. */
  choose<T>(kind: TargetedKind | 'claim', p: Target): T | undefined {
    const { all, fits } = this.targets(kind) as { all: T[]; fits: (x: T) => boolean };
    const fitting = all.filter(fits);
    const pool = p.fit && fitting.length > 0 ? fitting : all;
    return pool.length === 0 ? undefined : pool[p.n % pool.length];
  }

  /** The fee inputs of a payment made now, before its GMV is counted. */
  private feeInput() {
    return { shopOpenedAt: new Date(this.openedAt), paidAt: new Date(this.now), priorNewMerchantGmvFen: this.gmvFen };
  }
  private noteTier(what: string, amountFen: number): void {
    const { newMerchantFen, standardFen } = serviceFee({ ...this.feeInput(), amountFen, categoryRateBps: 0 });
    this.events.add(
      `${what} ${newMerchantFen === 0 ? 'at category rate' : standardFen === 0 ? 'at 1%' : 'across the cap'}`,
    );
  }

  /** The buyer's claimed cards with money left, in the order they were claimed (at most 5 per order). */
  usableCards(): ModelCard[] {
    return this.cards
      .filter((c) => c.status === 'claimed' && c.balanceFen > 0)
      .slice(0, GIFT_CARD_RULES.maxCardsPerOrder);
  }

  /**
   * An order was paid: income and fee on what WeChat Pay took (`payFen`); the cards' parts left
   * their balances when it was placed.
   */
  orderPaid(
    id: string,
    totalFen: number,
    cardParts: ModelOrder['cardParts'],
    categories: string[],
    commissionFen: number,
  ): ModelOrder {
    const payFen = totalFen - cardParts.reduce((sum, p) => sum + p.amountFen, 0);
    const rate = orderFeeRateBps(categories);
    const { feeFen } = serviceFee({ ...this.feeInput(), amountFen: payFen, categoryRateBps: rate });
    if (payFen > 0) this.noteTier('order', payFen);
    if (cardParts.length > 0) this.events.add(payFen === 0 ? 'order paid fully by card' : 'order paid partly by card');
    this.gmvFen += payFen;
    this.paidFen += payFen;
    this.fees.set(id, feeFen);
    this.commissions.set(id, commissionFen);
    if (commissionFen > 0) this.events.add('commission booked');
    const order: ModelOrder = {
      id,
      totalFen,
      payFen,
      cardParts,
      feeFen,
      commissionFen,
      status: 'paid',
      caseOpen: false,
    };
    this.orders.push(order);
    return order;
  }

  /** An order is refunded whole: WeChat Pay gets its part, the cards theirs; fee and commission are reversed in full. */
  orderRefunded(order: ModelOrder): void {
    order.status = 'refunded';
    this.refundedFen += order.payFen;
    for (const part of order.cardParts) part.card.balanceFen += part.amountFen;
    if (order.cardParts.length > 0) this.events.add('card part returned');
    this.fees.set(order.id, 0);
    if (order.commissionFen > 0) this.events.add('commission reversed');
    this.commissions.set(order.id, 0);
  }

  orderCompleted(order: ModelOrder): void {
    this.events.add('order completed');
    if (order.commissionFen > 0) this.events.add('commission settled');
    order.status = 'completed';
    this.releasedFen += order.payFen - order.feeFen - order.commissionFen;
  }

  cardSent(id: string, orderId: string): ModelCard {
    const card: ModelCard = { id, orderId, sentAt: this.now, status: 'sent', balanceFen: 0, feeFen: 0, settled: false };
    this.cards.push(card);
    return card;
  }

  /** The buyer claimed a card: its price is income now, with its fee at the default rate. */
  cardClaimed(card: ModelCard): void {
    const { feeFen } = serviceFee({
      ...this.feeInput(),
      amountFen: CARD_FACE_FEN,
      categoryRateBps: DEFAULT_FEE_RATE_BPS,
    });
    this.noteTier('card', CARD_FACE_FEN);
    this.events.add('card sold');
    this.gmvFen += CARD_FACE_FEN;
    this.paidFen += CARD_FACE_FEN;
    this.fees.set(card.orderId, feeFen);
    Object.assign(card, { status: 'claimed', claimedAt: this.now, balanceFen: CARD_FACE_FEN, feeFen });
  }

  giftPaid(id: string, orderId: string, unitPriceFen: number, units: number, categoryCode: string): ModelGift {
    const fees = giftUnitFees({
      ...this.feeInput(),
      unitPriceFen,
      units,
      categoryRateBps: categoryFeeRateBps(categoryCode),
    });
    this.noteTier('gift', unitPriceFen * units);
    this.gmvFen += unitPriceFen * units;
    this.paidFen += unitPriceFen * units;
    this.fees.set(orderId, 0); // charged unit by unit as they are accepted
    const gift: ModelGift = {
      id,
      orderId,
      unitPriceFen,
      sentAt: this.now,
      units: fees.map((feeFen) => ({ feeFen, state: 'open' })),
      claimedBy: new Set(),
    };
    this.gifts.push(gift);
    return gift;
  }

  /** The unit a claim by `member` takes (the first open one), or why it is refused. */
  claimable(gift: ModelGift, member: Member): ModelUnit | 'expired' | 'already claimed' | 'all claimed' {
    if (this.expired(gift)) return 'expired';
    if (gift.claimedBy.has(member)) return 'already claimed';
    return gift.units.find((u) => u.state === 'open') ?? 'all claimed';
  }

  claimed(id: string, gift: ModelGift, unit: ModelUnit, member: Member): void {
    this.events.add('unit claimed');
    unit.state = 'claimed';
    gift.claimedBy.add(member);
    this.fees.set(gift.orderId, (this.fees.get(gift.orderId) ?? 0) + unit.feeFen);
    this.claims.push({ id, gift, unit, member, status: 'accepted' });
  }

  claimRefunded(claim: ModelClaim): void {
    this.events.add('unit refunded by its recipient');
    claim.status = 'refunded';
    claim.unit.state = 'refunded';
    this.refundedFen += claim.gift.unitPriceFen;
    this.fees.set(claim.gift.orderId, (this.fees.get(claim.gift.orderId) ?? 0) - claim.unit.feeFen);
  }

  /** When a timer runs out: the new-merchant window, claim windows, auto-confirm, return windows. */
  deadlines(): number[] {
    const { autoConfirmMs, returnWindowMs } = ORDER_TIMERS;
    const due = [
      this.openedAt + NEW_MERCHANT_FEE.windowMs,
      ...this.cards.filter((c) => c.status === 'sent').map((c) => c.sentAt + GIFT_CARD_RULES.claimWindowMs),
      ...this.cards
        .filter((c) => c.status === 'claimed' && !c.settled)
        .map((c) => (c.claimedAt as number) + CARD_SETTLE_MS),
      ...this.gifts.filter((g) => !this.expired(g)).map((g) => g.sentAt + GIFT_RULES.claimWindowMs),
      ...[...this.orders, ...this.claims].map((x) =>
        x.status === 'shipped'
          ? (x.shippedAt as number) + autoConfirmMs
          : x.status === 'delivered'
            ? (x.deliveredAt as number) + returnWindowMs
            : 0,
      ),
    ];
    return [...new Set(due.filter((at) => at > this.now))].sort((a, b) => a - b);
  }

  /** The clock moved: what every due job does (auto-confirm, completion, gift expiry and refunds). */
  advance(ms: number): void {
    const before = this.now;
    this.now += ms;
    for (const order of this.orders) {
      if (order.status === 'shipped' && this.now - (order.shippedAt as number) >= ORDER_TIMERS.autoConfirmMs) {
        this.events.add('order auto-confirmed');
        order.status = 'delivered';
        order.deliveredAt = this.now; // the job runs at the end of the move
      } else if (order.status === 'delivered' && !order.caseOpen && this.windowClosed(order.deliveredAt)) {
        this.orderCompleted(order);
      }
    }
    for (const gift of this.gifts) {
      if (before - gift.sentAt >= GIFT_RULES.claimWindowMs || !this.expired(gift)) continue;
      for (const unit of gift.units.filter((u) => u.state === 'open')) {
        this.events.add('unit refunded at expiry');
        unit.state = 'refunded';
        this.refundedFen += gift.unitPriceFen;
      }
    }
    for (const card of this.cards) {
      if (card.status === 'sent' && this.now - card.sentAt >= GIFT_CARD_RULES.claimWindowMs) {
        // Refunded to its giver: it never reached the ledger.
        this.events.add('card refunded unclaimed');
        card.status = 'refunded';
      } else if (
        card.status === 'claimed' &&
        !card.settled &&
        this.now - (card.claimedAt as number) >= CARD_SETTLE_MS
      ) {
        this.events.add('card sale settled');
        card.settled = true;
        this.releasedFen += CARD_FACE_FEN - card.feeFen;
      }
    }
    for (const claim of this.claims) {
      if (claim.status === 'shipped' && this.now - (claim.shippedAt as number) >= ORDER_TIMERS.autoConfirmMs) {
        this.events.add('claim auto-confirmed');
        claim.status = 'delivered';
        claim.deliveredAt = this.now;
      } else if (claim.status === 'delivered' && this.windowClosed(claim.deliveredAt)) {
        this.events.add('claim completed');
        claim.status = 'completed';
        this.releasedFen += claim.gift.unitPriceFen - claim.unit.feeFen;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Generation: each step is drawn from the commands that make sense in the model's state, with
// now and then one aimed at an object in the wrong state.

const productIndex = fc.integer({ min: 0, max: PRODUCTS.length - 1 });
const sharerIndex = fc.integer({ min: 0, max: SHARERS - 1 });
const buyArb: fc.Arbitrary<Command> = fc.record({
  kind: fc.constant('buy' as const),
  items: fc.uniqueArray(fc.record({ product: productIndex, quantity: fc.integer({ min: 1, max: 3 }) }), {
    minLength: 1,
    maxLength: 2,
    selector: (i) => i.product,
  }),
  via: fc.constantFrom<Via>('none', 'none', 'sharerId', 'view'),
  sharer: sharerIndex,
  coupon: fc.oneof({ weight: 2, arbitrary: fc.constant(null) }, fc.integer({ min: 0, max: COUPONS.length - 1 })),
  cards: fc.boolean(),
});
const cardArb: fc.Arbitrary<Command> = fc.record({
  kind: fc.constant('card' as const),
  claim: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, fc.constant(false)),
});
/** The buyer opens a product through a sharer's link (a later order may be attributed to it). */
const viewArb: fc.Arbitrary<Command> = fc.record({
  kind: fc.constant('view' as const),
  product: productIndex,
  sharer: sharerIndex,
});
/** A group gift is 2 to 100 units; 1 unit is a 400 that must leave the ledger alone. */
const giftArb: fc.Arbitrary<Command> = fc.record({
  kind: fc.constant('gift' as const),
  product: productIndex,
  units: fc.oneof({ weight: 1, arbitrary: fc.constant(1) }, { weight: 5, arbitrary: fc.integer({ min: 2, max: 3 }) }),
});
/** 1 hour to 12 days, often a timer's length: the claim window, the return window, auto-confirm. */
const advanceArb: fc.Arbitrary<Command> = fc.record({
  kind: fc.constant('advance' as const),
  hours: fc.oneof(fc.constantFrom(24, 7 * 24, 10 * 24), fc.integer({ min: 1, max: 12 * 24 })),
});
/** To a pending deadline, mostly the next one: an hour before it, exactly on it, or an hour after. */
const toDeadlineArb = (m: LedgerModel): fc.Arbitrary<Command> => {
  const [next, ...later] = m.deadlines();
  const deadline =
    later.length > 0
      ? fc.oneof({ weight: 2, arbitrary: fc.constant(next) }, fc.constantFrom(...later))
      : fc.constant(next);
  return fc.record({
    kind: fc.constant('advance' as const),
    hours: fc.tuple(deadline, fc.constantFrom(-1, 0, 1)).map(([at, delta]) => Math.max(1, (at - m.now) / HOUR + delta)),
  });
};
const withdrawArb: fc.Arbitrary<Command> = fc.record({
  kind: fc.constant('withdraw' as const),
  amount: fc.constantFrom('all', 'half', 'over'),
});
const targeted = (kind: TargetedKind | 'claim', fit: boolean): fc.Arbitrary<Command> => {
  const target = fc.nat(9).map((n) => ({ n, fit }));
  return kind === 'claim'
    ? fc.record({ kind: fc.constant(kind), target, member: fc.constantFrom(...MEMBERS) })
    : fc.record({ kind: fc.constant(kind), target });
};

/** How often each targeted command is drawn when it has something to act on. */
const TARGETED_WEIGHTS: Record<TargetedKind | 'claim', number> = {
  refund: 1,
  ship: 4,
  confirm: 3,
  approve: 2,
  reject: 2,
  claim: 5,
  giftRefund: 2,
  shipClaim: 4,
  confirmClaim: 3,
};

/**
 * What a run buys: normal orders only, gifts only, or both. Fifteen steps go further down one
 * kind of life cycle (to returns resolved after the window, claims completed) than down two.
 */
type Focus = 'orders' | 'gifts' | 'both';

/**
 * The next command, drawn from those that make sense now: new orders and gifts while there are
 * few in progress, moves of the clock more often when something waits on a timer.
 */
function nextCommand(m: LedgerModel, focus: Focus): fc.Arbitrary<Command> {
  const inProgress = m.orders.filter((o) => o.status !== 'completed' && o.status !== 'refunded').length;
  const openGifts = m.gifts.filter((g) => !m.expired(g) && g.units.some((u) => u.state === 'open')).length;
  const shippedOrDelivered = [...m.orders, ...m.claims].some((x) => x.status === 'shipped' || x.status === 'delivered');
  const options: fc.WeightedArbitrary<Command>[] = [
    { weight: 1, arbitrary: advanceArb },
    { weight: m.availableFen > 0 ? 5 : 1, arbitrary: withdrawArb },
  ];
  if (focus !== 'gifts') {
    options.push({ weight: inProgress === 0 ? 4 : 1, arbitrary: buyArb });
    options.push({ weight: 1, arbitrary: viewArb });
    options.push({ weight: m.usableCards().length === 0 ? 2 : 1, arbitrary: cardArb });
  }
  if (focus !== 'orders') options.push({ weight: openGifts === 0 ? 3 : 1, arbitrary: giftArb });
  if (m.deadlines().length > 0) options.push({ weight: shippedOrDelivered ? 4 : 1, arbitrary: toDeadlineArb(m) });
  const wrong: (TargetedKind | 'claim')[] = [];
  for (const [kind, weight] of Object.entries(TARGETED_WEIGHTS) as [TargetedKind | 'claim', number][]) {
    const { all, fits } = m.targets(kind);
    // The rarest states — a return possible, a case still open after the 7 days — get a boost.
    const boost =
      (kind === 'refund' && m.orders.some((o) => m.returnable(o))) ||
      (kind === 'reject' && m.cases.some((k) => k.open && m.windowClosed(k.order.deliveredAt)))
        ? 5
        : 1;
    if ((all as never[]).some(fits)) options.push({ weight: weight * boost, arbitrary: targeted(kind, true) });
    if (all.length > 0) wrong.push(kind);
  }
  if (wrong.length > 0) {
    options.push({ weight: 1, arbitrary: fc.constantFrom(...wrong).chain((kind) => targeted(kind, false)) });
  }
  return fc.oneof(...options);
}

const focusArb = fc.constantFrom<Focus>('orders', 'gifts', 'both');
const stepsArb = fc.integer({ min: 10, max: MAX_COMMANDS });

const shopArb: fc.Arbitrary<Shop> = fc.record({
  // 0–40 days, often just inside the 30-day window so that the run crosses it.
  ageHours: fc.oneof(fc.integer({ min: 0, max: 40 * 24 }), fc.integer({ min: 29 * 24, max: 30 * 24 })),
  // None, below the new-merchant cap so that an order crosses it, at it, or above it.
  priorGmvFen: fc.oneof(
    { weight: 2, arbitrary: fc.constant(NEW_MERCHANT_FEE.gmvCapFen - 3_000) },
    fc.constantFrom(
      0,
      NEW_MERCHANT_FEE.gmvCapFen - 20_000,
      NEW_MERCHANT_FEE.gmvCapFen,
      NEW_MERCHANT_FEE.gmvCapFen + 777_777,
    ),
  ),
});

// ---------------------------------------------------------------------------------------------
// The real side

interface World {
  t: TestApp;
  buyer: Session;
  /** Alice's direct chat with the buyer: where her cards go. */
  cardChatId: string;
  sharers: Session[];
  alice: Session;
  members: Record<Member, Session>;
  familyId: string;
}

/** The status the model expects, or a failure that shows what the server said. */
function expectStatus(res: Response, status: number, what: string): void {
  if (res.status !== status) {
    throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
  }
}

let runNo = 0;

/** One fresh shop and its model; runs commands on both and checks the ledger after each. */
class Run {
  readonly model: LedgerModel;
  readonly trace: string[] = [];
  private readonly skus: {
    skuId: string;
    productId: string;
    priceFen: number;
    categoryCode: string;
    commissionBps: number;
  }[] = [];
  private shopId = '';
  private merchant!: Session;
  private couponIds: string[] = [];
  private designId = '';

  private constructor(
    private readonly w: World,
    private readonly shop: Shop,
  ) {
    this.model = new LedgerModel(-shop.ageHours * HOUR, shop.priorGmvFen);
  }

  static async open(w: World, shop: Shop): Promise<Run> {
    const run = new Run(w, shop);
    await run.setUp();
    run.trace.push(`shop opened ${shop.ageHours} h ago, prior GMV ${shop.priorGmvFen}`);
    await run.check();
    return run;
  }

  private get t(): TestApp {
    return this.w.t;
  }
  private post(path: string, who: Session, body?: object) {
    return this.t.http().post(path).set(who.auth).send(body);
  }

  private async setUp(): Promise<void> {
    runNo += 1;
    this.merchant = await this.t.login(`o_prop_m_${runNo}`);
    const shop = await this.post('/api/shops', this.merchant, { name: `账本小店${runNo}` }).expect(201);
    this.shopId = shop.body.id;
    for (const p of PRODUCTS) {
      const res = await this.post(`/api/shops/${this.shopId}/products`, this.merchant, {
        title: p.title,
        description: '账本测试',
        categoryCode: p.categoryCode,
        skus: [{ specs: { 规格: '标准' }, priceFen: p.priceFen, listPriceFen: p.priceFen, stock: 1000 }],
      }).expect(201);
      await this.t
        .http()
        .patch(`/api/products/${res.body.id}`)
        .set(this.merchant.auth)
        .send({ commissionBps: p.commissionBps })
        .expect(200);
      this.skus.push({
        skuId: res.body.skus[0].id,
        productId: res.body.id,
        priceFen: p.priceFen,
        categoryCode: p.categoryCode,
        commissionBps: p.commissionBps,
      });
    }
    await this.t.sql('UPDATE shops SET opened_at = opened_at - make_interval(hours => $2) WHERE id = $1', [
      this.shopId,
      this.shop.ageHours,
    ]);
    await this.t.sql('INSERT INTO ledger_shop_gmv (shop_id, paid_gmv_fen) VALUES ($1, $2)', [
      this.shopId,
      this.shop.priorGmvFen,
    ]);
    for (const { teaOnly, ...terms } of COUPONS) {
      const res = await this.post(`/api/shops/${this.shopId}/coupons`, this.merchant, {
        title: '账本券',
        ...Object.fromEntries(Object.entries(terms).filter(([, v]) => v !== null)),
        ...(teaOnly && { productIds: [this.skus[0].productId] }),
        total: 1000,
        perUserLimit: 100,
        // Far off: the server's clock has moved on by the earlier runs' advances.
        claimEndsAt: '2100-01-01T00:00:00.000Z',
        validDays: 365,
      }).expect(201);
      this.couponIds.push(res.body.id);
    }
    const design = await this.post(`/api/shops/${this.shopId}/gift-card-designs`, this.merchant, {
      title: '账本礼券',
      faceValueFen: CARD_FACE_FEN,
      validDays: 365,
    }).expect(201);
    this.designId = design.body.id;
  }

  /** One step: the command on both sides, then the property. A failure lists the steps so far. */
  async step(command: Command): Promise<void> {
    const line = `${this.trace.length - 1}: ${JSON.stringify(command)}`;
    let outcome = '✗';
    try {
      outcome = await this.exec(command);
      await this.check();
    } catch (err) {
      const steps = [...this.trace, `${line} → ${outcome} ✗`].join('\n  ');
      throw new Error(`${(err as Error).message}\nsteps:\n  ${steps}`);
    }
    this.trace.push(`${line} → ${outcome}`);
  }

  /** Runs one command on the server and the model; answers what happened, for the trace. */
  private async exec(c: Command): Promise<string> {
    const m = this.model;
    const { buyer, alice, members } = this.w;
    switch (c.kind) {
      case 'view': {
        await this.view(c.product, c.sharer);
        return `viewed product ${c.product} through sharer ${c.sharer}`;
      }
      case 'buy': {
        const via = c.via ?? 'none';
        const sharer = c.sharer ?? 0;
        if (via === 'view') await this.view(c.items[0].product, sharer);
        const couponNo = c.coupon ?? null;
        const userCouponId = couponNo === null ? null : await this.claimCoupon(couponNo);
        const lines = c.items.map((i) => ({
          skuId: this.skus[i.product].skuId,
          quantity: i.quantity,
          unitPriceFen: this.skus[i.product].priceFen,
        }));
        const verdict =
          couponNo === null
            ? null
            : couponDiscount(
                { ...COUPONS[couponNo], productIds: COUPONS[couponNo].teaOnly ? [this.skus[0].productId] : null },
                c.items.map((i) => ({
                  productId: this.skus[i.product].productId,
                  goodsFen: this.skus[i.product].priceFen * i.quantity,
                })),
              );
        const cards = c.cards ? m.usableCards() : [];
        const placed = await this.post('/api/orders', buyer, {
          items: lines.map(({ skuId, quantity }) => ({ skuId, quantity })),
          address: ADDRESS,
          scene: 'channels_live',
          ...(via === 'sharerId' && { sharerId: this.w.sharers[sharer].userId }),
          ...(userCouponId && { userCouponId }),
          ...(cards.length > 0 && { giftCardIds: cards.map((card) => card.id) }),
        });
        if (verdict && !verdict.usable) {
          expectStatus(placed, 409, `an order with an unusable coupon (${verdict.reason})`);
          expect(placed.body.message).toBe(`userCouponId: ${verdict.reason}`);
          m.events.add('coupon refused');
          return `409 (coupon ${couponNo}: ${verdict.reason})`;
        }
        expectStatus(placed, 201, 'place order');
        const price = priceOrder(
          lines,
          { freightFen: FREIGHT_FEN, freeShippingThresholdFen: FREE_SHIPPING_FROM_FEN },
          {
            discount: verdict?.usable ? { amountFen: verdict.discountFen, appliesTo: verdict.appliesTo } : undefined,
            giftCards: cards.map((card) => ({ id: card.id, balanceFen: card.balanceFen })),
          },
        );
        const totalFen = price.totalFen;
        expect(placed.body).toMatchObject({ totalFen, discountFen: price.discountFen, giftCardFen: price.giftCardFen });
        if (price.discountFen > 0) m.events.add('coupon used');
        const cardParts = price.giftCards
          .map((part, i) => ({ card: cards[i], amountFen: part.amountFen }))
          .filter((part) => part.amountFen > 0);
        for (const part of cardParts) part.card.balanceFen -= part.amountFen;
        const attributed = m.attribution(
          c.items.map((i) => i.product),
          via === 'sharerId' ? sharer : null,
        );
        expect(placed.body.sharerId).toBe(attributed === null ? null : this.w.sharers[attributed].userId);
        expectStatus(await this.post(`/api/orders/${placed.body.id}/pay`, buyer), 200, 'pay order');
        const categories = c.items.map((i) => this.skus[i.product].categoryCode);
        // On what WeChat Pay paid of each line: the cards' part is spread over the lines and the freight.
        const wechat = linesPaidByWechat(
          price.lines.map((l) => l.paidFen),
          price.freightFen,
          price.giftCardFen,
        );
        const commissionFen =
          attributed === null
            ? 0
            : orderCommissions(
                c.items.map((i, n) => ({
                  productId: this.skus[i.product].productId,
                  paidFen: wechat[n],
                  commissionBps: this.skus[i.product].commissionBps,
                })),
              ).reduce((sum, p) => sum + p.commissionFen, 0);
        const order = m.orderPaid(placed.body.id, totalFen, cardParts, categories, commissionFen);
        const through = attributed === null ? '' : ` via sharer ${attributed}, commission ${commissionFen}`;
        const off = price.discountFen > 0 ? ` coupon ${couponNo} −${price.discountFen}` : '';
        const carded = price.giftCardFen > 0 ? ` cards ${price.giftCardFen}` : '';
        return `order #${m.orders.length - 1} total ${totalFen}${off}${carded} fee ${order.feeFen}${through}`;
      }
      case 'card': {
        const sent = await this.post('/api/gift-cards', alice, { designId: this.designId, chatId: this.w.cardChatId });
        expectStatus(sent, 201, 'buy a card');
        expectStatus(await this.post(`/api/orders/${sent.body.orderId}/pay`, alice), 200, 'pay for a card');
        const card = m.cardSent(sent.body.id, sent.body.orderId);
        if (!c.claim) return `card #${m.cards.length - 1} sent, left unclaimed`;
        expectStatus(await this.post(`/api/gift-cards/${card.id}/claim`, buyer), 201, 'claim a card');
        m.cardClaimed(card);
        return `card #${m.cards.length - 1} claimed, fee ${card.feeFen}`;
      }
      case 'refund': {
        const order = m.choose<ModelOrder>(c.kind, c.target);
        if (!order) return 'no order';
        const res = await this.post(`/api/orders/${order.id}/refund`, buyer, { reason: '不想要了' });
        if (order.status === 'paid') {
          expectStatus(res, 200, 'refund before shipment');
          expect(res.body).toMatchObject({ status: 'refunded', refundedFen: order.payFen });
          m.orderRefunded(order);
          m.events.add('refund before shipment');
          return `order #${m.orders.indexOf(order)} refunded`;
        }
        if (m.returnable(order)) {
          expectStatus(res, 200, 'return request');
          expect(res.body.afterSale).toMatchObject({ type: 'return', status: 'requested', open: true });
          order.caseOpen = true;
          m.cases.push({ id: res.body.afterSale.id, order, open: true });
          m.events.add('return requested');
          return `order #${m.orders.indexOf(order)}: case #${m.cases.length - 1} opened`;
        }
        expectStatus(res, 409, `refund of a ${order.status} order`);
        return `409 (order #${m.orders.indexOf(order)} ${order.status})`;
      }
      case 'ship':
      case 'confirm': {
        const order = m.choose<ModelOrder>(c.kind, c.target);
        if (!order) return 'no order';
        const res =
          c.kind === 'ship'
            ? await this.post(`/api/orders/${order.id}/ship`, this.merchant, { carrier: '顺丰', trackingNo: 'SF10001' })
            : await this.post(`/api/orders/${order.id}/confirm-receipt`, buyer);
        const from = c.kind === 'ship' ? 'paid' : 'shipped';
        if (order.status !== from) {
          expectStatus(res, 409, `${c.kind} a ${order.status} order`);
          return `409 (order #${m.orders.indexOf(order)} ${order.status})`;
        }
        expectStatus(res, 200, c.kind);
        if (c.kind === 'ship') [order.status, order.shippedAt] = ['shipped', m.now];
        else [order.status, order.deliveredAt] = ['delivered', m.now];
        return `order #${m.orders.indexOf(order)} ${order.status}`;
      }
      case 'approve':
      case 'reject': {
        const kase = m.choose<ModelCase>(c.kind, c.target);
        if (!kase) return 'no case';
        const res = await this.post(`/api/after-sales/${kase.id}/${c.kind}`, this.merchant);
        if (!kase.open) {
          expectStatus(res, 409, `${c.kind} a resolved case`);
          return `409 (case #${m.cases.indexOf(kase)} resolved)`;
        }
        expectStatus(res, 200, c.kind);
        kase.open = false;
        kase.order.caseOpen = false;
        if (c.kind === 'approve') m.orderRefunded(kase.order);
        else if (m.windowClosed(kase.order.deliveredAt)) m.orderCompleted(kase.order);
        expect(res.body.status).toBe(kase.order.status);
        m.events.add(`return ${c.kind === 'approve' ? 'approved' : `rejected, order ${kase.order.status}`}`);
        return `order #${m.orders.indexOf(kase.order)} ${kase.order.status}`;
      }
      case 'gift': {
        const sku = this.skus[c.product];
        const created = await this.post('/api/gifts', alice, {
          skuId: sku.skuId,
          chatId: this.w.familyId,
          mode: 'first_come',
          units: c.units,
        });
        if (c.units < 2) {
          expectStatus(created, 400, 'a one-unit group gift');
          return '400';
        }
        expectStatus(created, 201, 'create gift');
        expectStatus(await this.post(`/api/orders/${created.body.orderId}/pay`, alice), 200, 'pay gift');
        const gift = m.giftPaid(created.body.id, created.body.orderId, sku.priceFen, c.units, sku.categoryCode);
        return `gift #${m.gifts.length - 1}, unit fees ${gift.units.map((u) => u.feeFen).join('/')}`;
      }
      case 'claim': {
        const gift = m.choose<ModelGift>(c.kind, c.target);
        if (!gift) return 'no gift';
        const res = await this.post(`/api/gifts/${gift.id}/claim`, members[c.member], {
          address: addressOf(c.member, '13900000000'),
        });
        const unit = m.claimable(gift, c.member);
        if (typeof unit === 'string') {
          expectStatus(res, 409, `claim (${unit})`);
          m.events.add(`claim refused (${unit})`);
          return `409 (${unit})`;
        }
        expectStatus(res, 200, 'claim');
        m.claimed(res.body.id, gift, unit, c.member);
        return `claim #${m.claims.length - 1}: gift #${m.gifts.indexOf(gift)} unit ${gift.units.indexOf(unit) + 1}`;
      }
      case 'giftRefund': {
        const claim = m.choose<ModelClaim>(c.kind, c.target);
        if (!claim) return 'no claim';
        const res = await this.post(`/api/orders/${claim.gift.orderId}/refund`, members[claim.member], {
          reason: '不合适',
        });
        if (claim.status !== 'accepted') {
          expectStatus(res, 409, `recipient refund of a ${claim.status} claim`);
          return `409 (claim #${m.claims.indexOf(claim)} ${claim.status})`;
        }
        expectStatus(res, 200, 'recipient refund');
        m.claimRefunded(claim);
        return `claim #${m.claims.indexOf(claim)} refunded`;
      }
      case 'shipClaim':
      case 'confirmClaim': {
        const claim = m.choose<ModelClaim>(c.kind, c.target);
        if (!claim) return 'no claim';
        const res =
          c.kind === 'shipClaim'
            ? await this.post(`/api/gift-claims/${claim.id}/ship`, this.merchant, {
                carrier: '顺丰',
                trackingNo: 'SF20002',
              })
            : await this.post(`/api/gift-claims/${claim.id}/confirm-receipt`, members[claim.member]);
        const from = c.kind === 'shipClaim' ? 'accepted' : 'shipped';
        if (claim.status !== from) {
          expectStatus(res, 409, `${c.kind} a ${claim.status} claim`);
          return `409 (claim #${m.claims.indexOf(claim)} ${claim.status})`;
        }
        expectStatus(res, 200, c.kind);
        if (c.kind === 'shipClaim') [claim.status, claim.shippedAt] = ['shipped', m.now];
        else [claim.status, claim.deliveredAt] = ['delivered', m.now];
        return `claim #${m.claims.indexOf(claim)} ${claim.status}`;
      }
      case 'advance': {
        await this.t.advance(c.hours * HOUR);
        m.advance(c.hours * HOUR);
        return `now +${m.now / HOUR} h`;
      }
      case 'withdraw': {
        const available = m.availableFen;
        const amountFen = Math.max(
          1,
          c.amount === 'over' ? available + 1 : c.amount === 'half' ? Math.floor(available / 2) : available,
        );
        const res = await this.post(`/api/shops/${this.shopId}/withdrawals`, this.merchant, { amountFen });
        if (amountFen > available) {
          expectStatus(res, 409, `withdraw ${amountFen} of ${available}`);
          expect(res.body.code).toBe('INSUFFICIENT_AVAILABLE');
          m.events.add('withdrawal refused');
          return `409 (${amountFen} > ${available})`;
        }
        expectStatus(res, 201, `withdraw ${amountFen} of ${available}`);
        m.withdrawnFen += amountFen;
        m.events.add('withdrawal');
        expect(res.body).toMatchObject({ amountFen, totals: { availableFen: m.availableFen } });
        return `withdrew ${amountFen}`;
      }
    }
  }

  /** The buyer claims one more of the run's coupon `n` (each order uses a fresh one). */
  private async claimCoupon(n: number): Promise<string> {
    const res = await this.post(`/api/coupons/${this.couponIds[n]}/claim`, this.w.buyer);
    expectStatus(res, 201, 'claim a coupon');
    return res.body.id;
  }

  /** The buyer opens a product through a sharer's link, in the server and the model. */
  private async view(product: number, sharer: number): Promise<void> {
    await this.t
      .http()
      .get(`/api/products/${this.skus[product].productId}?scene=chat&sharer=${this.w.sharers[sharer].userId}`)
      .set(this.w.buyer.auth)
      .expect(200);
    this.model.views.push({ product, sharer, at: this.model.now });
  }

  /** Every entry of the shop's ledger (it pages, newest first) and its totals. */
  async ledger(): Promise<{ entries: LedgerEntryView[]; totals: LedgerTotals }> {
    const entries: LedgerEntryView[] = [];
    let page: LedgerView;
    do {
      const res = await this.t
        .http()
        .get(`/api/shops/${this.shopId}/ledger?limit=100&offset=${entries.length}`)
        .set(this.merchant.auth)
        .expect(200);
      page = res.body;
      entries.push(...page.entries);
    } while (page.entries.length > 0 && entries.length < page.total);
    expect(entries).toHaveLength(page.total);
    return { entries, totals: page.totals };
  }

  /** The property, checked after every step. */
  async check(): Promise<void> {
    const m = this.model;
    const { entries, totals } = await this.ledger();
    const { paidFen, refundedFen, feeFen, commissionFen, pendingFen, availableFen, withdrawnFen } = totals;

    expect(paidFen - refundedFen - feeFen - commissionFen).toBe(pendingFen + availableFen + withdrawnFen);
    // Nothing below zero: not even pending, for an order a card paid in full (no income, and no
    // fee or commission, which are on the WeChat Pay part).
    for (const value of Object.values(totals)) expect(value).toBeGreaterThanOrEqual(0);

    // Fees per order: from the entries (fee and fee_reversal, negated) and from the model.
    const fromEntries = new Map<string, number>();
    for (const e of entries) {
      if (e.orderId && (e.type === 'fee' || e.type === 'fee_reversal')) {
        fromEntries.set(e.orderId, (fromEntries.get(e.orderId) ?? 0) - e.amountFen);
      }
    }
    const nonZero = (fees: Map<string, number>) => Object.fromEntries([...fees].filter(([, fee]) => fee !== 0).sort());
    expect(nonZero(fromEntries)).toEqual(nonZero(m.fees));
    expect(feeFen).toBe([...fromEntries.values()].reduce((a, b) => a + b, 0));

    // Commissions per order, the same way.
    const commissions = new Map<string, number>();
    for (const e of entries) {
      if (e.orderId && (e.type === 'commission' || e.type === 'commission_reversal')) {
        commissions.set(e.orderId, (commissions.get(e.orderId) ?? 0) - e.amountFen);
      }
    }
    expect(nonZero(commissions)).toEqual(nonZero(m.commissions));
    expect(commissionFen).toBe(m.commissionFen);

    expect({ paidFen, refundedFen, feeFen, availableFen, withdrawnFen }).toEqual({
      paidFen: m.paidFen,
      refundedFen: m.refundedFen,
      feeFen: m.feeFen,
      availableFen: m.availableFen,
      withdrawnFen: m.withdrawnFen,
    });

    // Every card's balance, and no card below zero or above its face value (constraints too).
    const balances = await this.t.sql<{ id: string; balance_fen: number }>(
      'SELECT id, balance_fen FROM gift_cards WHERE shop_id = $1 ORDER BY created_at, id',
      [this.shopId],
    );
    expect(Object.fromEntries(balances.map((b) => [b.id, b.balance_fen]))).toEqual(
      Object.fromEntries(m.cards.map((card) => [card.id, card.balanceFen])),
    );
    // The card parts in the ledger: what orders took from cards less what refunds gave back.
    const redeemed = entries.filter((e) => e.type === 'card_redemption').reduce((sum, e) => sum + e.amountFen, 0);
    const held = m.orders.filter((o) => o.status !== 'refunded').flatMap((o) => o.cardParts);
    expect(redeemed).toBe(held.reduce((sum, p) => sum + p.amountFen, 0));

    // The GMV counter of the new-merchant allowance grows with every payment; refunds leave it.
    const [shop] = await this.t.sql<{ paid_gmv_fen: number }>(
      'SELECT paid_gmv_fen FROM ledger_shop_gmv WHERE shop_id = $1',
      [this.shopId],
    );
    expect(Number(shop.paid_gmv_fen)).toBe(m.gmvFen);
  }
}

/** Events the runs must reach between them, so that the property cannot pass vacuously. */
const MUST_COVER = [
  'order at 1%',
  'order across the cap',
  'order at category rate',
  'gift across the cap',
  'refund before shipment',
  'order auto-confirmed',
  'order completed',
  'return approved',
  'return rejected, order completed',
  'unit claimed',
  'unit refunded by its recipient',
  'unit refunded at expiry',
  'claim completed',
  'withdrawal',
  'withdrawal refused',
  'commission booked',
  'commission reversed',
  'commission settled',
  'coupon used',
  'card sold',
  'order paid partly by card',
  'card part returned',
  'card refunded unclaimed',
];

describe('the merchant ledger (property)', () => {
  let w: World;

  beforeAll(async () => {
    const t = await TestApp.start();
    const g = await giftWorld(t);
    const buyer = await t.login('o_prop_buyer');
    const sharers = await Promise.all([1, 2].map((i) => t.login(`o_prop_sharer_${i}`)));
    await t.http().post('/api/friends').set(g.alice.auth).send({ userId: buyer.userId }).expect(202);
    const friends = await t.http().post('/api/friends').set(buyer.auth).send({ userId: g.alice.userId }).expect(200);
    w = {
      t,
      buyer,
      cardChatId: friends.body.chatId,
      sharers,
      alice: g.alice,
      members: { bob: g.bob, carol: g.carol, dave: g.dave },
      familyId: g.family.id,
    };
  });
  afterAll(() => w.t.close());

  it('walks one order through completion and withdraws part of it', async () => {
    const run = await Run.open(w, { ageHours: 0, priorGmvFen: 0 });
    const first = { n: 0, fit: true };
    // 1 × 2450 tea + 1000 freight = 3450; a new merchant pays 1%: 34.5 → 35.
    await run.step({ kind: 'buy', items: [{ product: 0, quantity: 1 }] });
    expect(run.model.orders[0]).toMatchObject({ totalFen: 3450, feeFen: 35 });
    await run.step({ kind: 'ship', target: first });
    await run.step({ kind: 'confirm', target: first });
    // Nothing is available until the 7-day return window closes…
    await run.step({ kind: 'advance', hours: 6 * 24 });
    await run.step({ kind: 'withdraw', amount: 'all' });
    expect(run.model.availableFen).toBe(0);
    // …then 3450 − 35 is, and half of it can be taken out, but not more than what is left.
    await run.step({ kind: 'advance', hours: 24 });
    expect(run.model.orders[0].status).toBe('completed');
    await run.step({ kind: 'withdraw', amount: 'half' });
    await run.step({ kind: 'withdraw', amount: 'over' });
    expect((await run.ledger()).totals).toEqual({
      paidFen: 3450,
      refundedFen: 0,
      feeFen: 35,
      pendingFen: 0,
      availableFen: 3415 - 1707,
      withdrawnFen: 1707,
      commissionFen: 0,
    });
  });

  it('attributes an order to a view through a sharer’s link until 7 days have passed, and reverses its commission', async () => {
    const run = await Run.open(w, { ageHours: 24 * 60, priorGmvFen: 0 });
    // Tea at 10%: 2 × 2450 = 4900 → 490; the view is 7 days less an hour old.
    await run.step({ kind: 'view', product: 0, sharer: 1 });
    await run.step({ kind: 'advance', hours: 7 * 24 - 1 });
    await run.step({ kind: 'buy', items: [{ product: 0, quantity: 2 }] });
    expect(run.model.orders[0].commissionFen).toBe(490);
    expect(run.model.events.has('attributed by an earlier view')).toBe(true);
    await run.step({ kind: 'refund', target: { n: 0, fit: true } });
    expect(run.model.commissionFen).toBe(0);
    // Exactly 7 days old: no longer.
    await run.step({ kind: 'view', product: 1, sharer: 0 });
    await run.step({ kind: 'advance', hours: 7 * 24 });
    await run.step({ kind: 'buy', items: [{ product: 1, quantity: 1 }] });
    expect(run.model.orders[1].commissionFen).toBe(0);
    // Named on the order: beauty at 2.5%, 3 × 3350 = 10,050 → 251.25 → 251.
    await run.step({ kind: 'buy', items: [{ product: 1, quantity: 3 }], via: 'sharerId', sharer: 0 });
    expect((await run.ledger()).totals.commissionFen).toBe(251);
  });

  it('sells a card, spends it after a coupon, refunds the order onto the card, settles the sale; refunds an unclaimed card', async () => {
    const run = await Run.open(w, { ageHours: 24 * 60, priorGmvFen: 0 });
    // A ¥50 card claimed: income 5,000 with its fee at the default 5%.
    await run.step({ kind: 'card', claim: true });
    expect((await run.ledger()).totals).toMatchObject({ paidFen: 5000, feeFen: 250, pendingFen: 4750 });
    // Two teas 4,900, 15% off = 735, freight 1,000 (4,165 < 9,900): 5,165; the card pays 5,000, WeChat Pay 165.
    await run.step({
      kind: 'buy',
      items: [{ product: 0, quantity: 2 }],
      via: 'sharerId',
      sharer: 0,
      coupon: 1,
      cards: true,
    });
    expect(run.model.orders[0]).toMatchObject({ totalFen: 5165, payFen: 165 });
    expect(run.model.cards[0].balanceFen).toBe(0);
    // Refunded before shipment: 165 to WeChat Pay, 5,000 back on the card, the commission reversed.
    await run.step({ kind: 'refund', target: { n: 0, fit: true } });
    expect(run.model.cards[0].balanceFen).toBe(5000);
    expect((await run.ledger()).totals).toMatchObject({ refundedFen: 165, commissionFen: 0 });
    // Left unclaimed, a second card is refunded to its giver after 24 hours and never reaches the ledger.
    await run.step({ kind: 'card', claim: false });
    await run.step({ kind: 'advance', hours: 24 });
    expect(run.model.cards[1].status).toBe('refunded');
    // The first card's sale settles a week after its claim.
    await run.step({ kind: 'advance', hours: 6 * 24 });
    expect((await run.ledger()).totals).toMatchObject({ availableFen: 4750, pendingFen: 0 });
    await run.step({ kind: 'withdraw', amount: 'all' });
  });

  it('balances after every step of random orders, gifts, claims, refunds, clock moves and withdrawals', async () => {
    const covered = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(shopArb, focusArb, stepsArb, fc.gen(), async (shop, focus, steps, g) => {
        const run = await Run.open(w, shop);
        for (let i = 0; i < steps; i++) await run.step(g(() => nextCommand(run.model, focus)));
        for (const e of run.model.events) covered.set(e, (covered.get(e) ?? 0) + 1);
        if (process.env.LEDGER_PROPERTY_VERBOSE) console.log(run.trace.join('\n'));
      }),
      // Shrinking replays whole runs against the server: give it a minute, then report the best.
      {
        numRuns: NUM_RUNS,
        seed: SEED,
        path: process.env.LEDGER_PROPERTY_PATH,
        interruptAfterTimeLimit: 60_000,
        markInterruptAsFailure: true,
      },
    );
    if (process.env.LEDGER_PROPERTY_VERBOSE) console.log(Object.fromEntries([...covered].sort()));
    // The fixed seed's runs reach every kind of money movement; another seed may miss a rare one.
    const missed = MUST_COVER.filter((event) => !covered.has(event));
    if (SEED === DEFAULT_SEED && !process.env.LEDGER_PROPERTY_PATH) expect(missed).toEqual([]);
    else if (missed.length > 0) console.warn(`seed ${SEED} never reached: ${missed.join(', ')}`);
  }, 120_000);
});
