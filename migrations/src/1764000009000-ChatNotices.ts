import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Chat notices and unread counts. A system message keeps what it says as data (`notice`: a kind
 * and its params) so each client words it in its user's language; `text` stays as the Chinese
 * fallback for older clients. `chat_members.last_read_at` marks how far a member has read: newer
 * messages from others are unread.
 */
export class ChatNotices1764000009000 implements MigrationInterface {
  name = 'ChatNotices1764000009000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE messages ADD COLUMN notice jsonb;
      ALTER TABLE chat_members ADD COLUMN last_read_at timestamptz;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE chat_members DROP COLUMN last_read_at;
      ALTER TABLE messages DROP COLUMN notice;
    `);
  }
}
