import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Friends by consent: asking someone leaves a request; they become friends (a `friendships` row,
 * as before) only when the other asks back. Existing friendships stay: they are what the demo seed
 * and earlier versions made, and nothing can tell who asked.
 */
export class FriendRequests1764000006000 implements MigrationInterface {
  name = 'FriendRequests1764000006000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE friend_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        from_user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        to_user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        UNIQUE (from_user_id, to_user_id),
        CHECK (from_user_id <> to_user_id)
      );
      CREATE INDEX friend_requests_to_idx ON friend_requests (to_user_id, created_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE friend_requests');
  }
}
