/**
 * The shapes of the HTTP API (see docs/API.md and /api/docs). The server maps its entities to
 * these and the client reads them, so both sides agree at compile time.
 */
import type { GIFT_STATUS_CODES, GiftMode, ShippingStatus } from './gifts';
import type { ClaimStatus } from './fulfilment';
import type { OrderKind, OrderStatus } from './orders';
import type { GroupDealStatus, TeamStatus } from './group-buy';
import type { Domain, Scene } from './scenes';
import type { OrderPrice, OrderTotals } from './pricing';
import type { CouponStatus, CouponType, UserCouponStatus } from './coupons';
import type { GiftCardDesignStatus, GiftCardStatus, GiftCardTheme, WalletCardStatus } from './gift-cards';

export interface ApiError {
  statusCode: number;
  error: string;
  message: string;
  code: string;
}

export interface UserView {
  id: string;
  openId: string;
  nickname: string;
  avatarUrl?: string | null;
}

export interface MeView extends UserView {
  shopIds: string[];
}

export interface LoginResponse {
  token: string;
  user: UserView;
}

/**
 * `POST /api/friends`: 202 `pending` while the other has not asked back; 200 `friends` (with their
 * direct chat) once both have asked.
 */
export type FriendRequestResult = { status: 'pending' } | { status: 'friends'; chatId: string };

/** A friend request waiting for the caller (`GET /api/friend-requests`). */
export interface FriendRequestView {
  id: string;
  fromUserId: string;
  nickname: string;
  createdAt: string;
}

/** `POST /api/friend-requests/:id/decline`. */
export interface FriendRequestDeclined {
  id: string;
  status: 'declined';
}

export type ChatType = 'direct' | 'group';

export interface ChatView {
  id: string;
  type: ChatType;
  title: string;
  memberIds: string[];
  /** The newest message, absent in a chat without any (`GET /api/chats`). */
  lastMessage?: ChatLastMessage;
  /** Messages from others newer than the caller's last read. */
  unreadCount?: number;
}

export interface ChatLastMessage {
  senderId: string;
  type: MessageType;
  text?: string;
  notice?: ChatNotice;
  createdAt: string;
}

export type MessageType = 'text' | 'gift' | 'product' | 'group_buy' | 'gift_card' | 'system';

/**
 * What a system message says, as data, so each client words it in its user's language; the
 * message's `text` is the Chinese fallback.
 */
export type ChatNotice =
  | { kind: 'group_created'; params: { name: string } }
  | { kind: 'gift_claimed'; params: { nickname: string } }
  | { kind: 'gift_all_claimed'; params: { units: number } }
  | { kind: 'gift_declined'; params: { nickname: string } }
  | { kind: 'gift_expired'; params: { units: number } }
  | { kind: 'gift_refunded'; params: { units: number } }
  | { kind: 'lottery_drawn'; params: { entrants: number; winners: string[] } }
  | { kind: 'team_formed'; params: { groupSize: number } }
  | { kind: 'team_failed'; params: { paid: number } }
  | { kind: 'gift_card_claimed'; params: { nickname: string } }
  | { kind: 'gift_card_refunded'; params: { title: string } };

export type ChatNoticeKind = ChatNotice['kind'];

export interface MessageView {
  id: string;
  chatId: string;
  senderId: string;
  type: MessageType;
  text?: string;
  notice?: ChatNotice;
  giftId?: string;
  productId?: string;
  /** A 拼团 card (`type: group_buy`) and the team's system notices. */
  teamId?: string;
  /** A 节日礼券 (`type: gift_card`) and its notices. */
  giftCardId?: string;
  createdAt: string;
}

/** `POST /api/chats/:id/read`. */
export interface ChatRead {
  id: string;
  unreadCount: 0;
}

export interface CategoryView {
  code: string;
  name: string;
  nameEn: string;
  parentCode: string | null;
  feeRateBps: number;
  giftable: boolean;
}

export interface ShopView {
  id: string;
  name: string;
  ownerId: string;
  openedAt: string;
  followerCount: number;
  following?: boolean;
}

export type ProductStatus = 'listed' | 'delisted';

export interface SkuView {
  id: string;
  specs: Record<string, string>;
  priceFen: number;
  listPriceFen: number;
  stock: number;
  giftable: boolean;
  /** Why the SKU cannot be sent as a gift, when it cannot. */
  giftReason?: string;
}

export interface ProductView {
  id: string;
  shopId: string;
  shopName: string;
  title: string;
  description: string;
  categoryCode: string;
  imageUrls: string[];
  status: ProductStatus;
  /** True when at least one SKU is giftable. */
  giftable: boolean;
  /** Lowest SKU price, for lists. */
  priceFen: number;
  skus: SkuView[];
  /** The scene the product was opened from, when it was read with `?scene=`. */
  scene?: Scene;
  /** Its active group deal (拼团), if any. */
  groupDeal?: GroupDealView | null;
  /** What a sharer earns of what buyers pay for it (推客), in basis points; 0 for none. */
  commissionBps: number;
  createdAt: string;
}

export interface ProductSummaryView {
  id: string;
  shopId: string;
  shopName: string;
  title: string;
  categoryCode: string;
  imageUrl: string | null;
  priceFen: number;
  giftable: boolean;
  /** 推客 commission in basis points (0: none). */
  commissionBps: number;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface HealthView {
  status: 'ok';
  database: 'postgres' | 'pglite';
  version: string;
  /** Where search, product pages and analytics read now: a replica within its lag bound, or the primary. */
  reads: 'primary' | 'replica';
}

export interface AddressView {
  name: string;
  phone: string;
  region: string;
  detail: string;
}

/** One saved address of GET /api/me/addresses. */
export interface SavedAddressView extends AddressView {
  id: string;
  isDefault: boolean;
}

/**
 * POST /api/orders/quote: what POST /api/orders with the same items, coupon and cards would charge
 * now (one calculator, `priceOrder`), with the caller's coupons of the shop for the picker.
 */
export interface OrderQuote extends OrderPrice {
  /** The coupon applied (the one asked for), or null. */
  userCouponId: string | null;
  /** The caller's unused, unexpired coupons of this shop: usable ones best first, then the rest with why. */
  coupons: QuoteCouponOption[];
  /** The usable coupon that takes the most off, which the checkout picks by default; null when none is usable. */
  bestUserCouponId: string | null;
}

export interface QuoteCouponOption {
  userCouponId: string;
  couponId: string;
  title: string;
  usable: boolean;
  /** What it would take off this basket (0 when unusable). */
  discountFen: number;
  /** Why it cannot be used, or null. */
  reason: string | null;
  expiresAt: string;
}

/** A coupon as issued: its terms and how many are left. */
export interface CouponView {
  id: string;
  shopId: string;
  title: string;
  type: CouponType;
  amountOffFen: number | null;
  percentOffBps: number | null;
  minSpendFen: number;
  maxDiscountFen: number | null;
  /** The products it applies to; null: all of the shop's. */
  productIds: string[] | null;
  total: number;
  claimed: number;
  perUserLimit: number;
  claimEndsAt: string;
  validDays: number;
  status: CouponStatus;
  createdAt: string;
  /** How many of it the caller has claimed (0 when not signed in). */
  claimedByMe: number;
}

/** The merchant's figures for a coupon (GET /api/shops/:id/coupons?scope=all). */
export interface CouponFiguresView extends CouponView {
  /** Claimed coupons held by unpaid orders, and used on paid ones. */
  held: number;
  used: number;
  /** What the used ones took off, in all. */
  discountFen: number;
}

/** A coupon the caller claimed (GET /api/me/coupons). */
export interface UserCouponView {
  id: string;
  couponId: string;
  shopId: string;
  title: string;
  type: CouponType;
  amountOffFen: number | null;
  percentOffBps: number | null;
  minSpendFen: number;
  maxDiscountFen: number | null;
  productIds: string[] | null;
  status: UserCouponStatus;
  claimedAt: string;
  expiresAt: string;
  /** The order holding or having used it. */
  orderId: string | null;
}

export interface GiftCardDesignView {
  id: string;
  shopId: string;
  title: string;
  theme: GiftCardTheme;
  faceValueFen: number;
  validDays: number;
  status: GiftCardDesignStatus;
  createdAt: string;
}

/** The merchant's figures for a design (GET /api/shops/:id/gift-card-designs?scope=all). */
export interface GiftCardDesignFiguresView extends GiftCardDesignView {
  /** Cards paid for (sent), and of those: claimed, refunded unclaimed, waiting to be claimed. */
  sold: number;
  claimed: number;
  refunded: number;
  waiting: number;
  /** Face value of the claimed cards (the design's income), what orders took from them, and what is left on unexpired ones. */
  claimedFen: number;
  redeemedFen: number;
  outstandingFen: number;
}

/** POST /api/gift-cards: the card and the order that pays for it. */
export interface GiftCardPurchaseView {
  id: string;
  orderId: string;
  totalFen: number;
}

/** A card as its giver, its recipient or the chat sees it (GET /api/gift-cards/:id). */
export interface GiftCardView {
  id: string;
  orderId: string;
  shopId: string;
  shopName: string;
  designId: string;
  title: string;
  theme: GiftCardTheme;
  faceValueFen: number;
  wishMessage: string;
  giverId: string;
  giverNickname: string;
  chatId: string;
  /** The friend it is for (the other member of the direct chat). */
  recipientId: string;
  status: GiftCardStatus;
  sentAt: string | null;
  /** Until when it can be claimed (sent + 24 h); null before it is sent. */
  claimableUntil: string | null;
  claimedAt: string | null;
  /** When the claimed card stops paying. */
  expiresAt: string | null;
  /** What is left on it: shown to its holder only (null to anyone else). */
  balanceFen: number | null;
  /** Whether the caller may claim it now. */
  canClaim: boolean;
}

/** A card in the caller's wallet (GET /api/me/gift-cards). */
export interface WalletCardView {
  id: string;
  shopId: string;
  shopName: string;
  title: string;
  theme: GiftCardTheme;
  faceValueFen: number;
  balanceFen: number;
  claimedAt: string;
  expiresAt: string;
  status: WalletCardStatus;
  giverNickname: string;
}

export interface OrderItemView {
  skuId: string;
  productId: string;
  title: string;
  specs: Record<string, string>;
  unitPriceFen: number;
  quantity: number;
  /** What the line pays (its share of the goods after any discount). */
  paidFen: number;
}

export interface AfterSaleView {
  id: string;
  orderId: string;
  type: 'refund' | 'return';
  status: 'requested' | 'refunded' | 'rejected';
  reason: string;
  createdAt: string;
  resolvedAt: string | null;
}

export interface OrderView extends OrderTotals {
  id: string;
  kind: OrderKind;
  status: OrderStatus;
  shopId: string;
  buyerId: string;
  items: OrderItemView[];
  refundedFen: number;
  scene: Scene;
  /** The domain of the scene when the order was placed (shop_home: private for followers). */
  domain: Domain;
  sharerId: string | null;
  address: AddressView | null;
  carrier: string | null;
  trackingNo: string | null;
  createdAt: string;
  paidAt: string | null;
  shippedAt: string | null;
  deliveredAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
  refundedAt: string | null;
  payment: { id: string; transactionId: string | null; status: 'pending' | 'succeeded' } | null;
  /** The latest after-sales case; `open` when it still freezes the order. */
  afterSale: (AfterSaleView & { open: boolean }) | null;
  /** A sent gift's units by state: its order stays `paid` while they are claimed and shipped. */
  giftUnits?: GiftOrderUnits | null;
  /** A group-buy order's team: it ships only once the team has formed. */
  groupBuy?: { teamId: string; status: TeamStatus; leader: boolean } | null;
  /** The coupon the order uses (held while unpaid), or null. */
  userCouponId: string | null;
  /** What each gift card pays of the order (held while unpaid). */
  giftCards: { id: string; amountFen: number }[];
  /** A 节日礼券 order's card. */
  giftCard?: { id: string; status: GiftCardStatus; title: string } | null;
}

export interface GiftOrderUnits {
  units: number;
  /** Not claimed yet (the gift is still open). */
  open: number;
  claimed: number;
  /** Claimed units the merchant has shipped, and those the recipient has received. */
  shipped: number;
  delivered: number;
}

/** POST /api/orders answers with the order and, after a public-scene purchase, an offer to follow. */
export interface PlacedOrderView extends OrderView {
  followOffer: { shopId: string; shopName: string } | null;
}

export interface SceneAnalyticsRow {
  productId: string;
  title: string;
  scene: Scene;
  domain: Domain;
  views: number;
  orders: number;
  gmvFen: number;
  /** orders / views, or null without views. */
  conversion: number | null;
}

export interface DomainAnalytics {
  public: { views: number; orders: number; gmvFen: number; conversion: number | null };
  private: { views: number; orders: number; gmvFen: number; conversion: number | null };
}

export interface PayResponse {
  id: string;
  status: OrderStatus;
  /** null when gift cards paid the whole order: no payment provider was asked. */
  payment: { id: string; transactionId: string | null } | null;
}

export interface GiftProductCard {
  productId: string;
  title: string;
  imageUrl: string | null;
  skuId: string;
  specs: Record<string, string>;
  unitPriceFen: number;
}

export interface GiftClaimSummary {
  recipientId: string;
  nickname: string;
  acceptedAt: string;
  shippingStatus: ShippingStatus;
}

export interface GiftClaimant {
  nickname: string;
  acceptedAt: string;
}

export interface MyGiftClaim {
  id: string;
  skuId: string;
  specs: Record<string, string>;
  address: AddressView;
  acceptedAt: string;
  claimStatus: ClaimStatus;
  shippingStatus: ShippingStatus;
  carrier: string | null;
  trackingNo: string | null;
}

/** POST /api/gifts/:id/claim answers with the caller's claim and the platform's code 20 (accepted). */
export interface ClaimResponse extends MyGiftClaim {
  giftId: string;
  status: typeof GIFT_STATUS_CODES.accepted;
}

/** POST /api/gifts: the gift and its order, to pay with POST /api/orders/:orderId/pay. */
export interface CreatedGiftView {
  id: string;
  orderId: string;
  /** The platform's code: 0, created and unpaid. */
  status: number;
  totalFen: number;
}

/** POST /api/gifts/:id/enter: the caller's entry in a lottery. */
export interface LotteryEntryView {
  giftId: string;
  userId: string;
  enteredAt: string;
}

/** A claimed unit as the merchant ships it: the only place a recipient's address is shown. */
export interface FulfilmentView {
  id: string;
  giftId: string;
  orderId: string;
  recipientId: string;
  recipientNickname: string;
  productId: string;
  title: string;
  skuId: string;
  specs: Record<string, string>;
  address: AddressView;
  claimStatus: ClaimStatus;
  acceptedAt: string;
  carrier: string | null;
  trackingNo: string | null;
  shippedAt: string | null;
  deliveredAt: string | null;
}

/** What a caller may see of a gift; `role` says which view it is. */
export interface GiftView {
  id: string;
  orderId: string;
  role: 'giver' | 'recipient' | 'member';
  mode: GiftMode;
  status: number;
  chatId: string;
  giver: { id: string; nickname: string };
  wishMessage: string;
  product: GiftProductCard;
  units: number;
  claimedUnits: number;
  remainingUnits: number;
  sentAt: string | null;
  expiresAt: string | null;
  drawAt: string | null;
  drawnAt: string | null;
  /** Giver only: who accepted, when, and the shipping state. */
  claims?: GiftClaimSummary[];
  /**
   * Everyone: who got one and when, oldest first (the chat's claim notices say as much; never an
   * address or the shipping state).
   */
  claimants?: GiftClaimant[];
  refundedUnits?: number;
  /** The caller's own claim, when there is one. */
  myClaim?: MyGiftClaim | null;
  /** Lottery: whether the caller entered and whether they won (after the draw). */
  entered?: boolean;
  won?: boolean | null;
  entrantCount?: number;
}

export interface LotteryDrawView {
  giftId: string;
  seed: string;
  entrantIds: string[];
  winnerIds: string[];
  units: number;
  drawnAt: string;
}

export type LedgerEntryType =
  | 'income'
  | 'fee'
  | 'refund'
  | 'fee_reversal'
  | 'commission'
  | 'commission_reversal'
  | 'withdrawal'
  /** The part of an order a gift card paid (+), or gave back to the card (−): for information, not in totals. */
  | 'card_redemption';

/** One signed money movement of a shop: income and fee reversals are positive, the rest negative. */
export interface LedgerEntryView {
  id: number;
  type: LedgerEntryType;
  orderId: string | null;
  /** The gift unit the entry belongs to (gift money settles per accepted unit). */
  unitId: string | null;
  amountFen: number;
  at: string;
  /** When the entry became available (null while pending). */
  releasedAt: string | null;
}

/** paidFen − refundedFen − feeFen − commissionFen = pendingFen + availableFen + withdrawnFen, always. */
export interface LedgerTotals {
  paidFen: number;
  refundedFen: number;
  /** Fees charged less fees reversed. */
  feeFen: number;
  /** Sharers' commissions booked less those reversed. */
  commissionFen: number;
  pendingFen: number;
  availableFen: number;
  withdrawnFen: number;
}

export interface LedgerView {
  entries: LedgerEntryView[];
  /** How many entries the shop has in all (the list is one page, newest first). */
  total: number;
  totals: LedgerTotals;
}

export interface WithdrawalView {
  id: number;
  amountFen: number;
  at: string;
  totals: LedgerTotals;
}

export interface SearchItemView {
  productId: string;
  shopId: string;
  title: string;
  /** The lowest SKU price. */
  priceFen: number;
  score: number;
}

export interface SearchPage {
  items: SearchItemView[];
  total: number;
}

export interface SearchExplainView {
  productId: string;
  query: string;
  /** What the query was split into (Chinese pairs or characters, words). */
  tokens: string[];
  /** Whether the product matches the query at all (a product that does not scores 0). */
  matches: boolean;
  score: number;
  relevance: number;
  boost: number;
  /** min(caps.product, productSales) + min(caps.shop, shopSales). */
  sales: number;
  /** Σ weight × value over the product's factors, and over the shop's, before the caps. */
  productSales: number;
  shopSales: number;
  caps: { product: number; shop: number };
  conversion: { orders: number; views: number; rate: number; weight: number };
  factors: Record<string, { value: number; weight: number; contribution: number }>;
  formula: string;
  halfLifeDays: number;
}

/** POST /api/uploads: the stored image and its thumbnail, for imageUrls. */
export interface UploadedImageView {
  url: string;
  thumbnailUrl: string;
}

/** POST /api/payments/notify: the provider's notification was taken (a repeat changes nothing). */
export interface PaymentNotifyAck {
  received: true;
  duplicate: boolean;
}

export interface GroupDealSkuView {
  skuId: string;
  groupPriceFen: number;
}

/** A merchant's group deal (拼团) on one product. */
export interface GroupDealView {
  id: string;
  shopId: string;
  productId: string;
  groupSize: number;
  windowHours: number;
  status: GroupDealStatus;
  skus: GroupDealSkuView[];
  createdAt: string;
  endedAt: string | null;
}

/** `GET /api/shops/:shopId/group-deals` (owner): each deal with its teams by status. */
export interface GroupDealSummaryView extends GroupDealView {
  productTitle: string;
  teams: Record<TeamStatus, number>;
}

export interface TeamMemberView {
  userId: string;
  nickname: string;
  avatarUrl: string | null;
  /** Null while the member's seat is held by an unpaid order. */
  paidAt: string | null;
  leader: boolean;
}

/** `GET /api/group-buys/:teamId`: what anyone with the link sees (never an address). */
export interface TeamView {
  id: string;
  dealId: string;
  productId: string;
  shopId: string;
  productTitle: string;
  imageUrl: string | null;
  skus: GroupDealSkuView[];
  status: TeamStatus;
  groupSize: number;
  paidCount: number;
  /** groupSize − paid − held. */
  seatsLeft: number;
  expiresAt: string | null;
  formedAt: string | null;
  createdAt: string;
  members: TeamMemberView[];
}

/** `POST /api/group-buys` and `POST /api/group-buys/:teamId/join`. */
export interface TeamOrderView {
  teamId: string;
  orderId: string;
  totalFen: number;
}

export type EarningStatus = 'pending' | 'available' | 'reversed';

/** A sharer's commission on one product of one order. */
export interface EarningView {
  orderId: string;
  productId: string;
  productTitle: string;
  /** Booked less reversed. */
  amountFen: number;
  status: EarningStatus;
  at: string;
}

export interface EarningsTotals {
  pendingFen: number;
  availableFen: number;
  withdrawnFen: number;
}

/** `GET /api/me/earnings`. */
export interface EarningsView {
  entries: EarningView[];
  totals: EarningsTotals;
}

/** `POST /api/me/earnings/withdrawals`. */
export interface EarningsWithdrawalView {
  id: string;
  amountFen: number;
  at: string;
  totals: EarningsTotals;
}

/** `GET /api/shops/:shopId/sharers`: who sells for the shop. */
export interface SharerRowView {
  sharerId: string;
  nickname: string;
  orders: number;
  /** What buyers paid for the shared products, freight excluded, net of refunds. */
  gmvFen: number;
  /** Commission booked less reversed. */
  commissionFen: number;
}
