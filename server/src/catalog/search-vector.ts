import { toTsvectorLiteral } from '@giftshop/shared';
import { EntityManager } from 'typeorm';

const BATCH = 500;

/**
 * Writes the full-text vector of the given products (title A, shop name B, description C), or of
 * every product that has none when no ids are given (after a migration or the demo seed).
 */
export async function refreshSearchVectors(manager: EntityManager, productIds?: string[]): Promise<number> {
  let done = 0;
  for (;;) {
    const rows: { id: string; title: string; description: string; shop_name: string }[] = await manager.query(
      `SELECT p.id, p.title, p.description, s.name AS shop_name FROM products p JOIN shops s ON s.id = p.shop_id
        WHERE ${productIds ? 'p.id = ANY($1::uuid[])' : 'p.search_vector IS NULL'} LIMIT ${BATCH}`,
      productIds ? [productIds] : [],
    );
    if (rows.length === 0) return done;
    await manager.query(
      `UPDATE products p SET search_vector = v.vector::tsvector
         FROM unnest($1::uuid[], $2::text[]) AS v(id, vector) WHERE p.id = v.id`,
      [
        rows.map((r) => r.id),
        rows.map((r) =>
          toTsvectorLiteral([
            { text: r.title, weight: 'A' },
            { text: r.shop_name, weight: 'B' },
            { text: r.description, weight: 'C' },
          ]),
        ),
      ],
    );
    done += rows.length;
    if (productIds) return done;
  }
}
