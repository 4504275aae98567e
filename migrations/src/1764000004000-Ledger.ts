import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The merchant ledger: one signed entry per money movement of a shop, written in the transaction
 * of the event that causes it. Pending entries have no `released_at`; settlement stamps it.
 * Gift money is kept per unit (`unit_id`), as each accepted unit settles on its own.
 */
export class Ledger1764000004000 implements MigrationInterface {
  name = 'Ledger1764000004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ledger_entries (
        id bigserial PRIMARY KEY,
        shop_id uuid NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
        order_id uuid REFERENCES orders (id) ON DELETE CASCADE,
        unit_id uuid REFERENCES gift_units (id) ON DELETE CASCADE,
        refund_id uuid REFERENCES refunds (id),
        type text NOT NULL CHECK (type IN ('income', 'fee', 'refund', 'fee_reversal', 'withdrawal')),
        amount_fen bigint NOT NULL,
        created_at timestamptz NOT NULL,
        released_at timestamptz,
        CHECK ((type = 'withdrawal') = (order_id IS NULL)),
        CHECK (CASE type WHEN 'income' THEN amount_fen >= 0 WHEN 'fee_reversal' THEN amount_fen >= 0
                         ELSE amount_fen <= 0 END)
      );
      CREATE INDEX ledger_entries_shop_idx ON ledger_entries (shop_id, id DESC);
      CREATE INDEX ledger_entries_order_idx ON ledger_entries (order_id, unit_id);

      -- GMV paid to the shop so far, counted at payment: the new-merchant fee allowance uses it.
      ALTER TABLE shops ADD COLUMN paid_gmv_fen bigint NOT NULL DEFAULT 0 CHECK (paid_gmv_fen >= 0);
      -- Each gift unit's fee, fixed when the gift is paid and charged when the unit is accepted.
      ALTER TABLE gift_units ADD COLUMN fee_fen integer NOT NULL DEFAULT 0 CHECK (fee_fen >= 0);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE gift_units DROP COLUMN fee_fen;
      ALTER TABLE shops DROP COLUMN paid_gmv_fen;
      DROP TABLE ledger_entries;
    `);
  }
}
