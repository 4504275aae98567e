import { ProductSummaryView, ProductView as ProductDto, skuGiftEligibility, SkuView } from '@giftshop/shared';
import type { Product } from './product.entity';
import type { Sku } from './sku.entity';

/** `giftable` is computed per SKU from the shared rule every time, never stored. */
export function toSkuView(sku: Sku, categoryCode: string): SkuView {
  const eligibility = skuGiftEligibility({ categoryCode, listPriceFen: sku.listPriceFen });
  return {
    id: sku.id,
    specs: sku.specs,
    priceFen: sku.priceFen,
    listPriceFen: sku.listPriceFen,
    stock: sku.stock,
    giftable: eligibility.giftable,
    ...(!eligibility.giftable && { giftReason: eligibility.reason }),
  };
}

export function toProductView(product: Product, shopName: string): ProductDto {
  const skus = [...product.skus].sort((a, b) => a.position - b.position).map((s) => toSkuView(s, product.categoryCode));
  return {
    id: product.id,
    shopId: product.shopId,
    shopName,
    title: product.title,
    description: product.description,
    categoryCode: product.categoryCode,
    imageUrls: product.imageUrls,
    status: product.status,
    giftable: skus.some((s) => s.giftable),
    priceFen: Math.min(...skus.map((s) => s.priceFen)),
    skus,
    commissionBps: product.commissionBps,
    createdAt: product.createdAt.toISOString(),
  };
}

export function toProductSummary(product: Product, shopName: string): ProductSummaryView {
  const view = toProductView(product, shopName);
  return {
    id: view.id,
    shopId: view.shopId,
    shopName,
    title: view.title,
    categoryCode: view.categoryCode,
    imageUrl: view.imageUrls[0] ?? null,
    priceFen: view.priceFen,
    giftable: view.giftable,
    commissionBps: view.commissionBps,
  };
}
