import { Injectable } from '@nestjs/common';
import type { Domain, DomainAnalytics, Scene, SceneAnalyticsRow } from '@giftshop/shared';
import { ShopsService } from '../catalog/shops.service';
import { LaggingReads } from '../database/lagging-reads';

const conversion = (orders: number, views: number): number | null =>
  views === 0 ? null : Math.round((orders / views) * 10_000) / 10_000;

/**
 * Where a shop's sales come from: per product and scene (and the domain the scene counted as at
 * the time), the views, the paid orders and their GMV. An order counts once it is paid and until it
 * is refunded in full; GMV is the goods value of its items (freight excluded), less what a gift
 * order refunded unit by unit. Read from the replica when there is one (the figures may lag).
 */
@Injectable()
export class AnalyticsService {
  constructor(
    private readonly laggingReads: LaggingReads,
    private readonly shops: ShopsService,
  ) {}

  async scenes(userId: string, shopId: string, productId?: string): Promise<SceneAnalyticsRow[]> {
    await this.shops.findOwned(shopId, userId);
    const rows: {
      product_id: string;
      title: string;
      scene: Scene;
      domain: Domain;
      views: number;
      orders: number;
      gmv: number;
    }[] = await this.laggingReads.read((db) =>
      db.query(
        `WITH v AS (
           SELECT product_id, scene, domain, count(*)::int AS views
             FROM product_views WHERE shop_id = $1 AND ($2::uuid IS NULL OR product_id = $2)
            GROUP BY 1, 2, 3
         ), o AS (
           SELECT i.product_id, o.scene, o.domain, count(DISTINCT o.id)::int AS orders,
                  SUM(i.paid_fen
                      - CASE WHEN o.kind = 'gift'
                          THEN (SELECT COALESCE(SUM(r.amount_fen), 0) FROM refunds r WHERE r.order_id = o.id) ELSE 0 END
                  )::bigint AS gmv
             FROM orders o JOIN order_items i ON i.order_id = o.id
            WHERE o.shop_id = $1 AND o.paid_at IS NOT NULL AND o.status <> 'refunded'
              AND ($2::uuid IS NULL OR i.product_id = $2)
            GROUP BY 1, 2, 3
         )
         SELECT COALESCE(v.product_id, o.product_id) AS product_id, p.title,
                COALESCE(v.scene, o.scene) AS scene, COALESCE(v.domain, o.domain) AS domain,
                COALESCE(v.views, 0) AS views, COALESCE(o.orders, 0) AS orders, COALESCE(o.gmv, 0) AS gmv
           FROM v FULL JOIN o ON o.product_id = v.product_id AND o.scene = v.scene AND o.domain = v.domain
           JOIN products p ON p.id = COALESCE(v.product_id, o.product_id)
          ORDER BY p.title, scene, domain`,
        [shopId, productId ?? null],
      ),
    );
    return rows.map((r) => ({
      productId: r.product_id,
      title: r.title,
      scene: r.scene,
      domain: r.domain,
      views: r.views,
      orders: r.orders,
      gmvFen: Number(r.gmv),
      conversion: conversion(r.orders, r.views),
    }));
  }

  /** The same numbers split public / private. */
  async domains(userId: string, shopId: string, productId?: string): Promise<DomainAnalytics> {
    const rows = await this.scenes(userId, shopId, productId);
    const sum = (domain: Domain) => {
      const mine = rows.filter((r) => r.domain === domain);
      const views = mine.reduce((n, r) => n + r.views, 0);
      const orders = mine.reduce((n, r) => n + r.orders, 0);
      return { views, orders, gmvFen: mine.reduce((n, r) => n + r.gmvFen, 0), conversion: conversion(orders, views) };
    };
    return { public: sum('public'), private: sum('private') };
  }
}
