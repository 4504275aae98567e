import { MigrationInterface, QueryRunner } from 'typeorm';

/** Gifts: units, claims (fulfilments), lottery entries; after-sales cases on a claim. */
export class Gifts1764000002000 implements MigrationInterface {
  name = 'Gifts1764000002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE gifts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL UNIQUE REFERENCES orders (id) ON DELETE CASCADE,
        giver_id uuid NOT NULL REFERENCES users (id),
        chat_id uuid NOT NULL REFERENCES chats (id),
        mode text NOT NULL CHECK (mode IN ('single', 'first_come', 'lottery')),
        units integer NOT NULL CHECK (units BETWEEN 1 AND 100),
        product_id uuid NOT NULL REFERENCES products (id),
        sku_id uuid NOT NULL REFERENCES skus (id),
        unit_price_fen integer NOT NULL CHECK (unit_price_fen >= 0),
        wish_message text NOT NULL DEFAULT '',
        status smallint NOT NULL CHECK (status IN (0, 10, 20, 180, 181, 250)),
        draw_at timestamptz,
        drawn_at timestamptz,
        draw_seed text,
        draw_entrants jsonb,
        draw_winners jsonb,
        sent_at timestamptz,
        expires_at timestamptz,
        declined_at timestamptz,
        created_at timestamptz NOT NULL,
        CHECK ((mode = 'lottery') = (draw_at IS NOT NULL))
      );
      CREATE INDEX gifts_giver_idx ON gifts (giver_id, created_at DESC);
      CREATE INDEX gifts_chat_idx ON gifts (chat_id, created_at DESC);

      CREATE TABLE gift_claims (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        gift_id uuid NOT NULL REFERENCES gifts (id) ON DELETE CASCADE,
        recipient_id uuid NOT NULL REFERENCES users (id),
        sku_id uuid NOT NULL REFERENCES skus (id),
        unit_price_fen integer NOT NULL CHECK (unit_price_fen >= 0),
        address jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('accepted', 'shipped', 'delivered', 'completed', 'refunded')),
        carrier text,
        tracking_no text,
        accepted_at timestamptz NOT NULL,
        shipped_at timestamptz,
        delivered_at timestamptz,
        completed_at timestamptz,
        refunded_at timestamptz,
        -- One unit per member.
        UNIQUE (gift_id, recipient_id)
      );
      CREATE INDEX gift_claims_recipient_idx ON gift_claims (recipient_id, accepted_at DESC);
      CREATE INDEX gift_claims_sku_idx ON gift_claims (sku_id);

      CREATE TABLE gift_units (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        gift_id uuid NOT NULL REFERENCES gifts (id) ON DELETE CASCADE,
        idx integer NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'claimed', 'expired', 'refunded')),
        claim_id uuid UNIQUE REFERENCES gift_claims (id),
        refund_id uuid REFERENCES refunds (id),
        UNIQUE (gift_id, idx),
        CHECK ((status = 'claimed') = (claim_id IS NOT NULL))
      );
      CREATE INDEX gift_units_open_idx ON gift_units (gift_id, idx) WHERE status = 'open';

      CREATE TABLE gift_entries (
        gift_id uuid NOT NULL REFERENCES gifts (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id),
        entered_at timestamptz NOT NULL,
        won boolean,
        PRIMARY KEY (gift_id, user_id)
      );
      CREATE INDEX gift_entries_user_idx ON gift_entries (user_id);

      ALTER TABLE after_sale_cases ADD COLUMN claim_id uuid REFERENCES gift_claims (id);
      DROP INDEX after_sale_cases_one_open_idx;
      -- At most one open case per order, or per claim of a gift order.
      CREATE UNIQUE INDEX after_sale_cases_one_open_idx
        ON after_sale_cases (order_id, COALESCE(claim_id, '00000000-0000-0000-0000-000000000000'))
        WHERE status = 'requested';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX after_sale_cases_one_open_idx;
      ALTER TABLE after_sale_cases DROP COLUMN claim_id;
      CREATE UNIQUE INDEX after_sale_cases_one_open_idx ON after_sale_cases (order_id) WHERE status = 'requested';
      DROP TABLE gift_entries;
      DROP TABLE gift_units;
      DROP TABLE gift_claims;
      DROP TABLE gifts;
    `);
  }
}
