import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Refunds are sent to the payment provider after their transaction commits, by a job, with the
 * refund's id as the provider's idempotency key: `sent_at` says the provider has taken it.
 * `sandbox_refunds` is the sandbox provider's own side of that exchange (what WeChat Pay would
 * keep): one row per refund id it has paid, however often it was asked.
 */
export class RefundOutbox1764000007000 implements MigrationInterface {
  name = 'RefundOutbox1764000007000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE refunds ADD COLUMN sent_at timestamptz;
      UPDATE refunds SET sent_at = created_at WHERE provider_refund_id IS NOT NULL;

      CREATE TABLE sandbox_refunds (
        refund_id uuid PRIMARY KEY,
        transaction_id text NOT NULL,
        amount_fen integer NOT NULL CHECK (amount_fen > 0),
        requests integer NOT NULL DEFAULT 1,
        paid_at timestamptz NOT NULL
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE sandbox_refunds;
      ALTER TABLE refunds DROP COLUMN sent_at;
    `);
  }
}
