import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each module writes only its own tables. The ledger kept two of its figures on other modules'
 * rows: a shop's paid GMV (for the new-merchant allowance) on `shops`, and each gift unit's fee,
 * fixed at payment, on `gift_units`. They move to tables of the ledger's own.
 */
export class LedgerState1764000012000 implements MigrationInterface {
  name = 'LedgerState1764000012000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ledger_shop_gmv (
        shop_id uuid PRIMARY KEY REFERENCES shops (id) ON DELETE CASCADE,
        paid_gmv_fen bigint NOT NULL CHECK (paid_gmv_fen >= 0)
      );
      INSERT INTO ledger_shop_gmv (shop_id, paid_gmv_fen) SELECT id, paid_gmv_fen FROM shops WHERE paid_gmv_fen > 0;
      ALTER TABLE shops DROP COLUMN paid_gmv_fen;

      CREATE TABLE ledger_unit_fees (
        unit_id uuid PRIMARY KEY REFERENCES gift_units (id) ON DELETE CASCADE,
        fee_fen integer NOT NULL CHECK (fee_fen > 0)
      );
      INSERT INTO ledger_unit_fees (unit_id, fee_fen) SELECT id, fee_fen FROM gift_units WHERE fee_fen > 0;
      ALTER TABLE gift_units DROP COLUMN fee_fen;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE gift_units ADD COLUMN fee_fen integer NOT NULL DEFAULT 0 CHECK (fee_fen >= 0);
      UPDATE gift_units u SET fee_fen = f.fee_fen FROM ledger_unit_fees f WHERE f.unit_id = u.id;
      DROP TABLE ledger_unit_fees;
      ALTER TABLE shops ADD COLUMN paid_gmv_fen bigint NOT NULL DEFAULT 0 CHECK (paid_gmv_fen >= 0);
      UPDATE shops s SET paid_gmv_fen = g.paid_gmv_fen FROM ledger_shop_gmv g WHERE g.shop_id = s.id;
      DROP TABLE ledger_shop_gmv;
    `);
  }
}
