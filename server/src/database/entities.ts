import { ProductView } from '../catalog/product-view.entity';
import { Product } from '../catalog/product.entity';
import { Shop, ShopFollow } from '../catalog/shop.entity';
import { Sku } from '../catalog/sku.entity';
import { User } from '../identity/user.entity';
import { Chat, ChatMember, Friendship } from '../social/chat.entity';
import { Message } from '../social/message.entity';

/** Every entity, listed once for the app's DataSource and the migration CLI. */
export const ENTITIES = [User, Chat, ChatMember, Friendship, Message, Shop, ShopFollow, Product, Sku, ProductView];
