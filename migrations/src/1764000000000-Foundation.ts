import { MigrationInterface, QueryRunner } from 'typeorm';

/** Identity, social graph and chats, shops and the catalog with unified product IDs. */
export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        open_id text NOT NULL UNIQUE,
        nickname text NOT NULL,
        avatar_url text,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE chats (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        type text NOT NULL CHECK (type IN ('direct', 'group')),
        name text,
        direct_key text UNIQUE,
        owner_id uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((type = 'direct') = (direct_key IS NOT NULL))
      );

      CREATE TABLE chat_members (
        chat_id uuid NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id),
        joined_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (chat_id, user_id)
      );
      CREATE INDEX chat_members_user_idx ON chat_members (user_id);

      CREATE TABLE friendships (
        user_a uuid NOT NULL REFERENCES users (id),
        user_b uuid NOT NULL REFERENCES users (id),
        chat_id uuid NOT NULL REFERENCES chats (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_a, user_b),
        CHECK (user_a < user_b)
      );
      CREATE INDEX friendships_user_b_idx ON friendships (user_b);

      CREATE TABLE messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        chat_id uuid NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
        sender_id uuid NOT NULL REFERENCES users (id),
        type text NOT NULL CHECK (type IN ('text', 'gift', 'product', 'system')),
        text text,
        gift_id uuid,
        product_id uuid,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX messages_chat_created_idx ON messages (chat_id, created_at);

      CREATE TABLE shops (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_id uuid NOT NULL REFERENCES users (id),
        name text NOT NULL,
        opened_at timestamptz NOT NULL
      );
      CREATE INDEX shops_owner_idx ON shops (owner_id);

      CREATE TABLE shop_follows (
        shop_id uuid NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (shop_id, user_id)
      );
      CREATE INDEX shop_follows_user_idx ON shop_follows (user_id);

      CREATE TABLE products (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        shop_id uuid NOT NULL REFERENCES shops (id),
        title text NOT NULL,
        description text NOT NULL,
        category_code text NOT NULL,
        image_urls jsonb NOT NULL DEFAULT '[]',
        status text NOT NULL CHECK (status IN ('listed', 'delisted')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX products_shop_idx ON products (shop_id);
      CREATE INDEX products_listed_created_idx ON products (created_at DESC) WHERE status = 'listed';

      CREATE TABLE skus (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        product_id uuid NOT NULL REFERENCES products (id) ON DELETE CASCADE,
        specs jsonb NOT NULL,
        price_fen integer NOT NULL CHECK (price_fen >= 0),
        list_price_fen integer NOT NULL CHECK (list_price_fen >= 0),
        stock integer NOT NULL CHECK (stock >= 0),
        position integer NOT NULL DEFAULT 0
      );
      CREATE INDEX skus_product_idx ON skus (product_id, position);

      CREATE TABLE product_views (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        product_id uuid NOT NULL REFERENCES products (id) ON DELETE CASCADE,
        shop_id uuid NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
        viewer_id uuid REFERENCES users (id),
        scene text NOT NULL,
        domain text NOT NULL CHECK (domain IN ('public', 'private')),
        sharer_id uuid REFERENCES users (id),
        viewed_at timestamptz NOT NULL
      );
      CREATE INDEX product_views_shop_product_scene_idx ON product_views (shop_id, product_id, scene);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE product_views;
      DROP TABLE skus;
      DROP TABLE products;
      DROP TABLE shop_follows;
      DROP TABLE shops;
      DROP TABLE messages;
      DROP TABLE friendships;
      DROP TABLE chat_members;
      DROP TABLE chats;
      DROP TABLE users;
    `);
  }
}
