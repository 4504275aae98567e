import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Refunds get a status of their own (PAYMENT_TRANSITIONS / REFUND_TRANSITIONS in
 * @giftshop/shared): `pending` until the provider has taken it, then `sent`, matching `sent_at`.
 */
export class PaymentStates1764000010000 implements MigrationInterface {
  name = 'PaymentStates1764000010000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE refunds ADD COLUMN status text NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'sent'));
      UPDATE refunds SET status = 'sent' WHERE sent_at IS NOT NULL;
      ALTER TABLE refunds ADD CONSTRAINT refunds_sent_at_matches_status
        CHECK ((status = 'sent') = (sent_at IS NOT NULL));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE refunds DROP CONSTRAINT refunds_sent_at_matches_status;
      ALTER TABLE refunds DROP COLUMN status;
    `);
  }
}
