import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 优惠券 and 节日礼券 (issue 17).
 * - Coupons: `claimed <= total` is a constraint as well as the claim's check, so no concurrency
 *   can issue more than there are. A claimed coupon (`user_coupons`) is held by at most one order.
 * - Gift cards: a design, and each card bought from it for a friend. A card's balance never goes
 *   below zero (a constraint); `gift_card_payments` is what each card paid of each order (held at
 *   creation, captured at payment, released on unpaid cancellation, returned by a refund).
 * - Orders keep their discount, their card part and their coupon; the order kind `gift_card`;
 *   the ledger's `card_redemption` entry (either sign: the card part of an order, or what a refund
 *   gave back to the card); the chat's `gift_card` message.
 */
export class CouponsAndGiftCards1764000018000 implements MigrationInterface {
  name = 'CouponsAndGiftCards1764000018000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE coupons (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        shop_id uuid NOT NULL REFERENCES shops (id),
        title text NOT NULL,
        type text NOT NULL CHECK (type IN ('amount_off', 'percent_off')),
        amount_off_fen integer CHECK (amount_off_fen >= 1),
        percent_off_bps integer CHECK (percent_off_bps BETWEEN 1 AND 8000),
        min_spend_fen integer NOT NULL CHECK (min_spend_fen >= 0),
        max_discount_fen integer CHECK (max_discount_fen >= 1),
        product_ids uuid[],
        total integer NOT NULL CHECK (total >= 1),
        claimed integer NOT NULL DEFAULT 0,
        per_user_limit integer NOT NULL CHECK (per_user_limit >= 1),
        claim_ends_at timestamptz NOT NULL,
        valid_days integer NOT NULL CHECK (valid_days BETWEEN 1 AND 365),
        status text NOT NULL CHECK (status IN ('active', 'ended')),
        created_at timestamptz NOT NULL,
        CHECK (claimed BETWEEN 0 AND total),
        CHECK ((type = 'amount_off') = (amount_off_fen IS NOT NULL)),
        CHECK ((type = 'percent_off') = (percent_off_bps IS NOT NULL)),
        CHECK (type = 'percent_off' OR max_discount_fen IS NULL)
      );
      CREATE INDEX coupons_shop_idx ON coupons (shop_id, created_at DESC);

      CREATE TABLE user_coupons (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        coupon_id uuid NOT NULL REFERENCES coupons (id),
        user_id uuid NOT NULL REFERENCES users (id),
        shop_id uuid NOT NULL REFERENCES shops (id),
        status text NOT NULL CHECK (status IN ('unused', 'held', 'used')),
        order_id uuid REFERENCES orders (id),
        claimed_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        CHECK ((status = 'unused') = (order_id IS NULL)),
        CHECK ((status = 'used') = (used_at IS NOT NULL))
      );
      CREATE INDEX user_coupons_user_idx ON user_coupons (user_id, shop_id, claimed_at DESC);
      CREATE INDEX user_coupons_coupon_idx ON user_coupons (coupon_id, user_id);
      CREATE UNIQUE INDEX user_coupons_one_per_order ON user_coupons (order_id) WHERE order_id IS NOT NULL;

      CREATE TABLE gift_card_designs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        shop_id uuid NOT NULL REFERENCES shops (id),
        title text NOT NULL,
        theme text NOT NULL CHECK (theme IN
          ('plain', 'spring_festival', 'mid_autumn', 'dragon_boat', 'mothers_day', 'birthday')),
        face_value_fen integer NOT NULL CHECK (face_value_fen BETWEEN 1000 AND 100000),
        valid_days integer NOT NULL CHECK (valid_days BETWEEN 1 AND 1095),
        status text NOT NULL CHECK (status IN ('active', 'ended')),
        created_at timestamptz NOT NULL
      );
      CREATE INDEX gift_card_designs_shop_idx ON gift_card_designs (shop_id, created_at DESC);

      ALTER TABLE orders DROP CONSTRAINT orders_kind_check;
      ALTER TABLE orders ADD CONSTRAINT orders_kind_check CHECK (kind IN ('normal', 'gift', 'group_buy', 'gift_card'));

      CREATE TABLE gift_cards (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        design_id uuid NOT NULL REFERENCES gift_card_designs (id),
        shop_id uuid NOT NULL REFERENCES shops (id),
        order_id uuid NOT NULL UNIQUE REFERENCES orders (id),
        giver_id uuid NOT NULL REFERENCES users (id),
        chat_id uuid NOT NULL REFERENCES chats (id),
        recipient_id uuid NOT NULL REFERENCES users (id),
        title text NOT NULL,
        theme text NOT NULL,
        face_value_fen integer NOT NULL,
        valid_days integer NOT NULL,
        wish_message text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending_payment', 'sent', 'claimed', 'refunded', 'cancelled')),
        balance_fen integer NOT NULL DEFAULT 0 CHECK (balance_fen >= 0 AND balance_fen <= face_value_fen),
        created_at timestamptz NOT NULL,
        sent_at timestamptz,
        claimed_at timestamptz,
        expires_at timestamptz,
        refunded_at timestamptz,
        cancelled_at timestamptz,
        CHECK (giver_id <> recipient_id),
        CHECK ((status = 'claimed') = (claimed_at IS NOT NULL)),
        CHECK ((claimed_at IS NULL) = (expires_at IS NULL)),
        CHECK (status = 'claimed' OR balance_fen = 0)
      );
      CREATE INDEX gift_cards_wallet_idx ON gift_cards (recipient_id, expires_at) WHERE status = 'claimed';
      CREATE INDEX gift_cards_design_idx ON gift_cards (design_id);

      CREATE TABLE gift_card_payments (
        order_id uuid NOT NULL REFERENCES orders (id),
        card_id uuid NOT NULL REFERENCES gift_cards (id),
        amount_fen integer NOT NULL CHECK (amount_fen > 0),
        status text NOT NULL CHECK (status IN ('held', 'captured', 'released', 'returned')),
        PRIMARY KEY (order_id, card_id)
      );
      CREATE INDEX gift_card_payments_card_idx ON gift_card_payments (card_id);

      ALTER TABLE orders
        ADD COLUMN discount_fen integer NOT NULL DEFAULT 0 CHECK (discount_fen >= 0),
        ADD COLUMN gift_card_fen integer NOT NULL DEFAULT 0 CHECK (gift_card_fen >= 0),
        ADD COLUMN user_coupon_id uuid REFERENCES user_coupons (id),
        ADD CONSTRAINT orders_card_part_check CHECK (gift_card_fen <= total_fen),
        ADD CONSTRAINT orders_discount_check CHECK (discount_fen <= goods_fen),
        DROP CONSTRAINT orders_check,
        ADD CONSTRAINT orders_total_check CHECK (total_fen = goods_fen + freight_fen - discount_fen);

      ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_type_check;
      ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_type_check CHECK (type IN
        ('income', 'fee', 'refund', 'fee_reversal', 'commission', 'commission_reversal', 'withdrawal',
         'card_redemption'));
      ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_sign_check;
      ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_sign_check CHECK (CASE type
        WHEN 'income' THEN amount_fen >= 0 WHEN 'fee_reversal' THEN amount_fen >= 0
        WHEN 'commission_reversal' THEN amount_fen >= 0 WHEN 'card_redemption' THEN true
        ELSE amount_fen <= 0 END);

      ALTER TABLE messages DROP CONSTRAINT messages_type_check;
      ALTER TABLE messages ADD CONSTRAINT messages_type_check
        CHECK (type IN ('text', 'gift', 'product', 'group_buy', 'gift_card', 'system'));
      ALTER TABLE messages ADD COLUMN gift_card_id uuid REFERENCES gift_cards (id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM messages WHERE type = 'gift_card' OR gift_card_id IS NOT NULL;
      ALTER TABLE messages DROP COLUMN gift_card_id;
      ALTER TABLE messages DROP CONSTRAINT messages_type_check;
      ALTER TABLE messages ADD CONSTRAINT messages_type_check
        CHECK (type IN ('text', 'gift', 'product', 'group_buy', 'system'));
      DELETE FROM ledger_entries WHERE type = 'card_redemption';
      ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_sign_check;
      ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_sign_check CHECK (CASE type
        WHEN 'income' THEN amount_fen >= 0 WHEN 'fee_reversal' THEN amount_fen >= 0
        WHEN 'commission_reversal' THEN amount_fen >= 0 ELSE amount_fen <= 0 END);
      ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_type_check;
      ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_type_check CHECK (type IN
        ('income', 'fee', 'refund', 'fee_reversal', 'commission', 'commission_reversal', 'withdrawal'));
      ALTER TABLE orders DROP CONSTRAINT orders_total_check, DROP CONSTRAINT orders_discount_check,
        DROP CONSTRAINT orders_card_part_check, DROP COLUMN user_coupon_id,
        DROP COLUMN gift_card_fen, DROP COLUMN discount_fen,
        ADD CONSTRAINT orders_check CHECK (total_fen = goods_fen + freight_fen);
      DROP TABLE gift_card_payments;
      DROP TABLE gift_cards;
      DELETE FROM orders WHERE kind = 'gift_card';
      ALTER TABLE orders DROP CONSTRAINT orders_kind_check;
      ALTER TABLE orders ADD CONSTRAINT orders_kind_check CHECK (kind IN ('normal', 'gift', 'group_buy'));
      DROP TABLE gift_card_designs;
      DROP TABLE user_coupons;
      DROP TABLE coupons;
    `);
  }
}
