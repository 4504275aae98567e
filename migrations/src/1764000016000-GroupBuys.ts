import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 社群拼团 (issue 15): a merchant's group deals (a group price per SKU, a team size, a window),
 * the teams shoppers open from them, and their seats. A seat is held by an unpaid order and paid
 * with it; `group_teams.paid + held <= group_size` is the rule that no concurrency may break, so
 * it is a constraint as well as the service's check. One active deal per product; one live seat
 * (held or paid) per person per team. Orders gain the kind `group_buy`, messages the 拼团 card.
 */
export class GroupBuys1764000016000 implements MigrationInterface {
  name = 'GroupBuys1764000016000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE group_deals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        shop_id uuid NOT NULL REFERENCES shops (id),
        product_id uuid NOT NULL REFERENCES products (id),
        group_size integer NOT NULL CHECK (group_size BETWEEN 2 AND 50),
        window_hours integer NOT NULL CHECK (window_hours BETWEEN 1 AND 48),
        status text NOT NULL CHECK (status IN ('active', 'ended')),
        created_at timestamptz NOT NULL,
        ended_at timestamptz,
        CHECK ((status = 'ended') = (ended_at IS NOT NULL))
      );
      CREATE UNIQUE INDEX group_deals_one_active ON group_deals (product_id) WHERE status = 'active';
      CREATE INDEX group_deals_shop_idx ON group_deals (shop_id, created_at DESC);
      CREATE TABLE group_deal_skus (
        deal_id uuid NOT NULL REFERENCES group_deals (id),
        sku_id uuid NOT NULL REFERENCES skus (id),
        group_price_fen integer NOT NULL CHECK (group_price_fen >= 1),
        PRIMARY KEY (deal_id, sku_id)
      );
      CREATE TABLE group_teams (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        deal_id uuid NOT NULL REFERENCES group_deals (id),
        shop_id uuid NOT NULL REFERENCES shops (id),
        product_id uuid NOT NULL REFERENCES products (id),
        leader_id uuid NOT NULL REFERENCES users (id),
        chat_id uuid REFERENCES chats (id),
        group_size integer NOT NULL CHECK (group_size BETWEEN 2 AND 50),
        window_hours integer NOT NULL CHECK (window_hours BETWEEN 1 AND 48),
        status text NOT NULL CHECK (status IN ('forming', 'open', 'formed', 'failed', 'cancelled')),
        paid integer NOT NULL DEFAULT 0 CHECK (paid >= 0),
        held integer NOT NULL DEFAULT 0 CHECK (held >= 0),
        created_at timestamptz NOT NULL,
        opened_at timestamptz,
        expires_at timestamptz,
        formed_at timestamptz,
        failed_at timestamptz,
        cancelled_at timestamptz,
        CHECK (paid + held <= group_size),
        CHECK ((status = 'formed') = (formed_at IS NOT NULL)),
        CHECK (status <> 'formed' OR paid = group_size),
        CHECK ((status IN ('forming', 'cancelled')) = (expires_at IS NULL))
      );
      CREATE INDEX group_teams_deal_idx ON group_teams (deal_id, created_at DESC);
      CREATE TABLE group_seats (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        team_id uuid NOT NULL REFERENCES group_teams (id),
        user_id uuid NOT NULL REFERENCES users (id),
        order_id uuid NOT NULL UNIQUE REFERENCES orders (id),
        leader boolean NOT NULL,
        status text NOT NULL CHECK (status IN ('held', 'paid', 'released')),
        created_at timestamptz NOT NULL,
        paid_at timestamptz,
        released_at timestamptz
      );
      CREATE UNIQUE INDEX group_seats_one_per_member ON group_seats (team_id, user_id) WHERE status <> 'released';
      CREATE INDEX group_seats_user_idx ON group_seats (user_id, created_at DESC);
      CREATE INDEX group_seats_team_idx ON group_seats (team_id, created_at);

      ALTER TABLE orders DROP CONSTRAINT orders_kind_check;
      ALTER TABLE orders ADD CONSTRAINT orders_kind_check CHECK (kind IN ('normal', 'gift', 'group_buy'));
      ALTER TABLE messages DROP CONSTRAINT messages_type_check;
      ALTER TABLE messages ADD CONSTRAINT messages_type_check
        CHECK (type IN ('text', 'gift', 'product', 'group_buy', 'system'));
      ALTER TABLE messages ADD COLUMN team_id uuid REFERENCES group_teams (id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM messages WHERE type = 'group_buy';
      ALTER TABLE messages DROP COLUMN team_id;
      ALTER TABLE messages DROP CONSTRAINT messages_type_check;
      ALTER TABLE messages ADD CONSTRAINT messages_type_check CHECK (type IN ('text', 'gift', 'product', 'system'));
      DROP TABLE group_seats;
      DROP TABLE group_teams;
      DROP TABLE group_deal_skus;
      DROP TABLE group_deals;
      ALTER TABLE orders DROP CONSTRAINT orders_kind_check;
      ALTER TABLE orders ADD CONSTRAINT orders_kind_check CHECK (kind IN ('normal', 'gift'));
    `);
  }
}
