import { MigrationInterface, QueryRunner } from 'typeorm';

/** Each order records the domain (public / private) of its scene when it was placed, for analytics. */
export class OrderDomain1764000003000 implements MigrationInterface {
  name = 'OrderDomain1764000003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE orders ADD COLUMN domain text NOT NULL DEFAULT 'public' CHECK (domain IN ('public', 'private'));
      UPDATE orders SET domain = 'private' WHERE scene IN ('official_account', 'chat', 'group_chat', 'wecom', 'parcel_card');
      ALTER TABLE orders ALTER COLUMN domain DROP DEFAULT;
      CREATE INDEX orders_shop_paid_idx ON orders (shop_id) WHERE paid_at IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX orders_shop_paid_idx;
      ALTER TABLE orders DROP COLUMN domain;
    `);
  }
}
