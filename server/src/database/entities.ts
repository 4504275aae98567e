import { SavedAddress } from '../addresses/address.entity';
import { ProductView } from '../catalog/product-view.entity';
import { Product } from '../catalog/product.entity';
import { Shop, ShopFollow } from '../catalog/shop.entity';
import { Sku } from '../catalog/sku.entity';
import { AfterSaleCase } from '../after-sales/after-sale-case.entity';
import { Fulfilment } from '../fulfilment/fulfilment.entity';
import { Gift, GiftClaim, GiftEntry, GiftUnit } from '../gifts/gift.entity';
import { GroupDeal, GroupDealSku, GroupSeat, GroupTeam } from '../group-buys/group-buy.entity';
import { IdempotencyKey } from '../idempotency/idempotency-key.entity';
import { User } from '../identity/user.entity';
import { Job } from '../jobs/job.entity';
import { Order, OrderItem } from '../orders/order.entity';
import { Payment, PaymentNotification, Refund, SandboxRefund } from '../payments/payment.entity';
import { Chat, ChatMember, Friendship } from '../social/chat.entity';
import { FriendRequest } from '../social/friend-request.entity';
import { Message } from '../social/message.entity';

/** Every entity, listed once for the app's DataSource and the migration CLI. */
export const ENTITIES = [
  User,
  SavedAddress,
  Chat,
  ChatMember,
  Friendship,
  FriendRequest,
  Message,
  Shop,
  ShopFollow,
  Product,
  Sku,
  ProductView,
  Order,
  OrderItem,
  Payment,
  PaymentNotification,
  Refund,
  SandboxRefund,
  AfterSaleCase,
  Fulfilment,
  IdempotencyKey,
  Job,
  Gift,
  GiftUnit,
  GiftClaim,
  GiftEntry,
  GroupDeal,
  GroupDealSku,
  GroupTeam,
  GroupSeat,
];
