import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 搜一搜: a weighted full-text vector per product (built by the server's tokenizer, which splits
 * Chinese into characters and pairs), and the ranking signals kept up to date as orders are paid
 * and refunded: decayed sales per product and per shop, the product's counted orders and views.
 */
export class Search1764000005000 implements MigrationInterface {
  name = 'Search1764000005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE products ADD COLUMN search_vector tsvector;
      CREATE INDEX products_search_idx ON products USING gin (search_vector) WHERE status = 'listed';

      -- Decayed values are as of ref_at; readers decay them to their own now (7-day half-life).
      CREATE TABLE product_search_signals (
        product_id uuid PRIMARY KEY REFERENCES products (id) ON DELETE CASCADE,
        private_orders double precision NOT NULL DEFAULT 0,
        private_gmv_yuan double precision NOT NULL DEFAULT 0,
        public_orders double precision NOT NULL DEFAULT 0,
        public_gmv_yuan double precision NOT NULL DEFAULT 0,
        ref_at timestamptz NOT NULL,
        orders integer NOT NULL DEFAULT 0 CHECK (orders >= 0),
        views integer NOT NULL DEFAULT 0 CHECK (views >= 0)
      );
      CREATE TABLE shop_search_signals (
        shop_id uuid PRIMARY KEY REFERENCES shops (id) ON DELETE CASCADE,
        private_orders double precision NOT NULL DEFAULT 0,
        private_gmv_yuan double precision NOT NULL DEFAULT 0,
        public_orders double precision NOT NULL DEFAULT 0,
        public_gmv_yuan double precision NOT NULL DEFAULT 0,
        ref_at timestamptz NOT NULL
      );
      -- What each counted order added, so a refund takes exactly that back.
      CREATE TABLE search_counted_orders (
        order_id uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        product_id uuid NOT NULL REFERENCES products (id) ON DELETE CASCADE,
        shop_id uuid NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
        domain text NOT NULL CHECK (domain IN ('public', 'private')),
        gmv_fen bigint NOT NULL CHECK (gmv_fen >= 0),
        counted_at timestamptz NOT NULL,
        PRIMARY KEY (order_id, product_id)
      );
      -- The daily cap: a buyer's paid orders per shop per calendar day.
      CREATE TABLE search_buyer_days (
        shop_id uuid NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
        buyer_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        day date NOT NULL,
        orders integer NOT NULL,
        PRIMARY KEY (shop_id, buyer_id, day)
      );

      INSERT INTO product_search_signals (product_id, ref_at, views)
      SELECT product_id, now(), count(*) FROM product_views GROUP BY product_id;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE search_buyer_days;
      DROP TABLE search_counted_orders;
      DROP TABLE shop_search_signals;
      DROP TABLE product_search_signals;
      DROP INDEX products_search_idx;
      ALTER TABLE products DROP COLUMN search_vector;
    `);
  }
}
