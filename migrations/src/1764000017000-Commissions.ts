import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 推客 (issue 16): a commission rate per product; the merchant's `commission` and
 * `commission_reversal` ledger entries; each sharer's earnings (one row per order and product,
 * with what refunds reversed of it) and their withdrawals.
 */
export class Commissions1764000017000 implements MigrationInterface {
  name = 'Commissions1764000017000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE products ADD COLUMN commission_bps integer NOT NULL DEFAULT 0
        CHECK (commission_bps BETWEEN 0 AND 5000);

      ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_type_check;
      ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_type_check CHECK (type IN
        ('income', 'fee', 'refund', 'fee_reversal', 'commission', 'commission_reversal', 'withdrawal'));
      ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_check1;
      ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_sign_check CHECK (CASE type
        WHEN 'income' THEN amount_fen >= 0 WHEN 'fee_reversal' THEN amount_fen >= 0
        WHEN 'commission_reversal' THEN amount_fen >= 0 ELSE amount_fen <= 0 END);

      -- Last-touch attribution reads a buyer's latest views through sharers' links.
      CREATE INDEX product_views_shared_idx ON product_views (viewer_id, viewed_at DESC)
        WHERE sharer_id IS NOT NULL;

      CREATE TABLE sharer_earnings (
        order_id uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        product_id uuid NOT NULL REFERENCES products (id),
        sharer_id uuid NOT NULL REFERENCES users (id),
        shop_id uuid NOT NULL REFERENCES shops (id),
        base_fen bigint NOT NULL CHECK (base_fen > 0),
        commission_bps integer NOT NULL CHECK (commission_bps BETWEEN 1 AND 5000),
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        reversed_fen bigint NOT NULL DEFAULT 0 CHECK (reversed_fen BETWEEN 0 AND amount_fen),
        created_at timestamptz NOT NULL,
        released_at timestamptz,
        PRIMARY KEY (order_id, product_id)
      );
      CREATE INDEX sharer_earnings_sharer_idx ON sharer_earnings (sharer_id, created_at DESC);
      CREATE INDEX sharer_earnings_shop_idx ON sharer_earnings (shop_id, sharer_id);

      CREATE TABLE sharer_withdrawals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sharer_id uuid NOT NULL REFERENCES users (id),
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        created_at timestamptz NOT NULL
      );
      CREATE INDEX sharer_withdrawals_sharer_idx ON sharer_withdrawals (sharer_id, created_at DESC);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE sharer_withdrawals;
      DROP TABLE sharer_earnings;
      DROP INDEX product_views_shared_idx;
      DELETE FROM ledger_entries WHERE type IN ('commission', 'commission_reversal');
      ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_sign_check;
      ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_check1 CHECK (CASE type
        WHEN 'income' THEN amount_fen >= 0 WHEN 'fee_reversal' THEN amount_fen >= 0 ELSE amount_fen <= 0 END);
      ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_type_check;
      ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_type_check CHECK (type IN
        ('income', 'fee', 'refund', 'fee_reversal', 'withdrawal'));
      ALTER TABLE products DROP COLUMN commission_bps;
    `);
  }
}
