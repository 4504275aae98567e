import { MigrationInterface, QueryRunner } from 'typeorm';

/** Orders and items, payments, refunds, after-sales cases, idempotency keys and durable jobs. */
export class Orders1764000001000 implements MigrationInterface {
  name = 'Orders1764000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE shops
        ADD COLUMN freight_fen integer NOT NULL DEFAULT 1000 CHECK (freight_fen >= 0),
        ADD COLUMN free_shipping_threshold_fen integer NOT NULL DEFAULT 9900 CHECK (free_shipping_threshold_fen >= 0);

      CREATE TABLE orders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL DEFAULT 'normal' CHECK (kind IN ('normal', 'gift')),
        buyer_id uuid NOT NULL REFERENCES users (id),
        shop_id uuid NOT NULL REFERENCES shops (id),
        status text NOT NULL CHECK (status IN
          ('pending_payment', 'paid', 'shipped', 'delivered', 'completed', 'cancelled', 'refunded')),
        scene text NOT NULL,
        sharer_id uuid REFERENCES users (id),
        address jsonb,
        goods_fen integer NOT NULL CHECK (goods_fen >= 0),
        freight_fen integer NOT NULL CHECK (freight_fen >= 0),
        total_fen integer NOT NULL CHECK (total_fen = goods_fen + freight_fen),
        carrier text,
        tracking_no text,
        created_at timestamptz NOT NULL,
        paid_at timestamptz,
        shipped_at timestamptz,
        delivered_at timestamptz,
        completed_at timestamptz,
        cancelled_at timestamptz,
        refunded_at timestamptz
      );
      CREATE INDEX orders_buyer_idx ON orders (buyer_id, created_at DESC);
      CREATE INDEX orders_shop_idx ON orders (shop_id, created_at DESC);

      CREATE TABLE order_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        sku_id uuid NOT NULL REFERENCES skus (id),
        product_id uuid NOT NULL REFERENCES products (id),
        title text NOT NULL,
        specs jsonb NOT NULL,
        unit_price_fen integer NOT NULL CHECK (unit_price_fen >= 0),
        quantity integer NOT NULL CHECK (quantity > 0)
      );
      CREATE INDEX order_items_order_idx ON order_items (order_id);
      CREATE INDEX order_items_product_idx ON order_items (product_id);

      CREATE TABLE payments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL UNIQUE REFERENCES orders (id) ON DELETE CASCADE,
        provider text NOT NULL,
        amount_fen integer NOT NULL CHECK (amount_fen >= 0),
        status text NOT NULL CHECK (status IN ('pending', 'succeeded')),
        prepay_id text,
        transaction_id text UNIQUE,
        created_at timestamptz NOT NULL,
        paid_at timestamptz
      );

      CREATE TABLE payment_notifications (
        event_id text PRIMARY KEY,
        payment_id uuid NOT NULL REFERENCES payments (id) ON DELETE CASCADE,
        received_at timestamptz NOT NULL
      );

      CREATE TABLE refunds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- What the refund is for, unique, so each cause is refunded exactly once.
        refund_key text NOT NULL UNIQUE,
        payment_id uuid NOT NULL REFERENCES payments (id) ON DELETE CASCADE,
        order_id uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        amount_fen integer NOT NULL CHECK (amount_fen > 0),
        reason text NOT NULL,
        provider_refund_id text,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX refunds_order_idx ON refunds (order_id);

      CREATE TABLE after_sale_cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        opened_by uuid NOT NULL REFERENCES users (id),
        type text NOT NULL CHECK (type IN ('refund', 'return')),
        status text NOT NULL CHECK (status IN ('requested', 'refunded', 'rejected')),
        reason text NOT NULL,
        refund_id uuid REFERENCES refunds (id),
        created_at timestamptz NOT NULL,
        resolved_at timestamptz
      );
      CREATE INDEX after_sale_cases_order_idx ON after_sale_cases (order_id, created_at);
      -- At most one open case per order.
      CREATE UNIQUE INDEX after_sale_cases_one_open_idx ON after_sale_cases (order_id) WHERE status = 'requested';

      CREATE TABLE idempotency_keys (
        user_id uuid NOT NULL,
        key text NOT NULL,
        scope text NOT NULL,
        request_hash text NOT NULL,
        status_code integer NOT NULL,
        response jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, scope, key)
      );

      CREATE TABLE jobs (
        id bigserial PRIMARY KEY,
        kind text NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}',
        run_at timestamptz NOT NULL,
        state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        max_attempts integer NOT NULL DEFAULT 5,
        last_error text,
        -- Jobs that must exist once (e.g. one timeout per order) carry a unique key.
        unique_key text UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        finished_by text
      );
      CREATE INDEX jobs_due_idx ON jobs (run_at, id) WHERE state = 'pending';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE jobs;
      DROP TABLE idempotency_keys;
      DROP TABLE after_sale_cases;
      DROP TABLE refunds;
      DROP TABLE payment_notifications;
      DROP TABLE payments;
      DROP TABLE order_items;
      DROP TABLE orders;
      ALTER TABLE shops DROP COLUMN freight_fen, DROP COLUMN free_shipping_threshold_fen;
    `);
  }
}
