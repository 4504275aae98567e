/**
 * The shapes of the HTTP API (see docs/API.md and /api/docs). The server maps its entities to
 * these and the client reads them, so both sides agree at compile time.
 */
import type { OrderStatus } from './orders';
import type { Scene } from './scenes';

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

export type ChatType = 'direct' | 'group';

export interface ChatView {
  id: string;
  type: ChatType;
  title: string;
  memberIds: string[];
}

export type MessageType = 'text' | 'gift' | 'product' | 'system';

export interface MessageView {
  id: string;
  chatId: string;
  senderId: string;
  type: MessageType;
  text?: string;
  giftId?: string;
  productId?: string;
  createdAt: string;
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
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface HealthView {
  status: 'ok';
  database: 'postgres' | 'pglite';
  version: string;
}

export interface AddressView {
  name: string;
  phone: string;
  region: string;
  detail: string;
}

export interface OrderItemView {
  skuId: string;
  productId: string;
  title: string;
  specs: Record<string, string>;
  unitPriceFen: number;
  quantity: number;
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

export interface OrderView {
  id: string;
  kind: 'normal' | 'gift';
  status: OrderStatus;
  shopId: string;
  buyerId: string;
  items: OrderItemView[];
  goodsFen: number;
  freightFen: number;
  totalFen: number;
  refundedFen: number;
  scene: Scene;
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
}

export interface PayResponse {
  id: string;
  status: OrderStatus;
  payment: { id: string; transactionId: string | null };
}
