import type { ProductView } from '@giftshop/shared';
import { expectStatus } from './api-client';
import type { Session, TestApp } from './test-app';

export const ADDRESS = { name: '爱丽丝', phone: '13800138000', region: '浙江省 杭州市 西湖区', detail: '龙井路 1 号' };

/** A fresh shop with one product whose single SKU has the given stock and price. */
export async function shopWithProduct(
  t: TestApp,
  merchant: Session,
  sku: { stock: number; priceFen?: number; listPriceFen?: number } = { stock: 10 },
  shopName = `测试小店-${Math.random().toString(36).slice(2, 8)}`,
): Promise<{ shopId: string; product: ProductView; skuId: string }> {
  const api = t.api(merchant);
  const shop = await expectStatus(api.POST('/api/shops', { body: { name: shopName } }), 201);
  const priceFen = sku.priceFen ?? 5000;
  const product = await expectStatus(
    api.POST('/api/shops/{shopId}/products', {
      params: { path: { shopId: shop.id } },
      body: {
        title: '测试茶叶',
        description: '用于测试',
        categoryCode: 'tea',
        skus: [{ specs: { 规格: '标准' }, priceFen, listPriceFen: sku.listPriceFen ?? priceFen, stock: sku.stock }],
      },
    }),
    201,
  );
  return { shopId: shop.id, product, skuId: product.skus[0].id };
}

export async function stockOf(t: TestApp, skuId: string): Promise<number> {
  const [row] = await t.sql<{ stock: number }>('SELECT stock FROM skus WHERE id = $1', [skuId]);
  return row.stock;
}

/** Polls `check` every 50 ms until it holds; throws naming `what` after `timeoutMs`. */
export async function until(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}
