import Taro from '@tarojs/taro';

/** Every page's URL, written once (the list with test ids is in client/README.md). */
export const routes = {
  discover: () => '/pages/index/index',
  login: () => '/pages/login/index',
  me: () => '/pages/me/index',
  promote: () => '/pages/promote/index',
  search: (q = '') => `/pages/search/index${q ? `?q=${encodeURIComponent(q)}` : ''}`,
  product: (id: string, scene?: string, sharer?: string) =>
    `/pages/product/index?id=${id}${scene ? `&scene=${scene}` : ''}${sharer ? `&sharer=${sharer}` : ''}`,
  checkout: (p: { productId: string; skuId: string; qty: number; scene: string; sharer?: string }) =>
    `/pages/checkout/index?productId=${p.productId}&skuId=${p.skuId}&qty=${p.qty}&scene=${p.scene}${p.sharer ? `&sharer=${p.sharer}` : ''}`,
  orders: () => '/pages/orders/index',
  chats: () => '/pages/chats/index',
  chat: (id: string) => `/pages/chat/index?id=${id}`,
  giftCompose: (productId: string, skuId: string) => `/pages/gift-compose/index?productId=${productId}&skuId=${skuId}`,
  gift: (id: string) => `/pages/gift/index?id=${id}`,
  gifts: () => '/pages/gifts/index',
  teamOpen: (productId: string, skuId: string, qty: number, scene?: string) =>
    `/pages/team-open/index?productId=${productId}&skuId=${skuId}&qty=${qty}${scene ? `&scene=${scene}` : ''}`,
  team: (id: string, scene?: string) => `/pages/team/index?id=${id}${scene ? `&scene=${scene}` : ''}`,
  merchant: (shopId?: string) => `/pages/merchant/index${shopId ? `?shopId=${shopId}` : ''}`,
  merchantProduct: (shopId: string, productId?: string) =>
    `/pages/merchant-product/index?shopId=${shopId}${productId ? `&id=${productId}` : ''}`,
  merchantOrders: (shopId: string) => `/pages/merchant-orders/index?shopId=${shopId}`,
  merchantGifts: (shopId: string) => `/pages/merchant-gifts/index?shopId=${shopId}`,
  merchantLedger: (shopId: string) => `/pages/merchant-ledger/index?shopId=${shopId}`,
  merchantAnalytics: (shopId: string) => `/pages/merchant-analytics/index?shopId=${shopId}`,
  merchantSearch: (shopId: string) => `/pages/merchant-search/index?shopId=${shopId}`,
  merchantDeals: (shopId: string) => `/pages/merchant-deals/index?shopId=${shopId}`,
  merchantSharers: (shopId: string) => `/pages/merchant-sharers/index?shopId=${shopId}`,
  // 节日礼券 and the merchant's coupons (issue 17).
  giftCardCompose: (chatId: string, shopId?: string) =>
    `/pages/gift-card-compose/index?chatId=${chatId}${shopId ? `&shopId=${shopId}` : ''}`,
  giftCard: (id: string) => `/pages/gift-card/index?id=${id}`,
  merchantCoupons: (shopId: string) => `/pages/merchant-coupons/index?shopId=${shopId}`,
  merchantGiftCards: (shopId: string) => `/pages/merchant-gift-cards/index?shopId=${shopId}`,
  // Coupons and the wallet (issue 17, shopper side).
  shop: (shopId: string) => `/pages/shop/index?shopId=${shopId}`,
  myCoupons: () => '/pages/my-coupons/index',
  wallet: () => '/pages/wallet/index',
};

export function go(url: string): void {
  void Taro.navigateTo({ url });
}

/** Back to the previous page, or to `fallback` when this page was opened directly (a link, a reload). */
export async function goBack(fallback: string): Promise<void> {
  if (Taro.getCurrentPages().length > 1) await Taro.navigateBack();
  else await Taro.redirectTo({ url: fallback });
}
