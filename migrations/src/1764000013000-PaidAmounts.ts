import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What was paid, stored where it was paid for: each order line (`priceOrder()`'s `lines[].paidFen`,
 * the goods after any discount) and each gift unit (its line's paid amount spread over the units).
 * Refunds, ledger income, fees, search GMV and analytics read these. No discounts existed before,
 * so existing rows paid their price.
 */
export class PaidAmounts1764000013000 implements MigrationInterface {
  name = 'PaidAmounts1764000013000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE order_items ADD COLUMN paid_fen integer;
      UPDATE order_items SET paid_fen = unit_price_fen * quantity;
      ALTER TABLE order_items ALTER COLUMN paid_fen SET NOT NULL,
        ADD CONSTRAINT order_items_paid_fen_check CHECK (paid_fen >= 0 AND paid_fen <= unit_price_fen * quantity);

      ALTER TABLE gift_units ADD COLUMN paid_fen integer;
      UPDATE gift_units u SET paid_fen = g.unit_price_fen FROM gifts g WHERE g.id = u.gift_id;
      ALTER TABLE gift_units ALTER COLUMN paid_fen SET NOT NULL,
        ADD CONSTRAINT gift_units_paid_fen_check CHECK (paid_fen >= 0);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE gift_units DROP COLUMN paid_fen;
      ALTER TABLE order_items DROP COLUMN paid_fen;
    `);
  }
}
