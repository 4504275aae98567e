import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The address book: each user's saved 收货地址. At most one default per user, kept by a partial
 * unique index as well as by the service (which locks the user's row), so even a race that slipped
 * past the lock could not leave two defaults.
 */
export class AddressBook1764000008000 implements MigrationInterface {
  name = 'AddressBook1764000008000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE addresses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        name text NOT NULL,
        phone text NOT NULL,
        region text NOT NULL,
        detail text NOT NULL,
        is_default boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX addresses_user_idx ON addresses (user_id, created_at);
      CREATE UNIQUE INDEX addresses_one_default_idx ON addresses (user_id) WHERE is_default;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE addresses');
  }
}
