import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One fulfilment model: a normal order's shipment and a claimed gift unit's shipment are rows of
 * one table with one lifecycle (FULFILMENT_TRANSITIONS in @giftshop/shared). The shipping columns
 * of `orders` and `gift_claims` move here, existing rows and pending jobs are carried over, and
 * after-sales cases point at the fulfilment they are about.
 */
export class Fulfilments1764000011000 implements MigrationInterface {
  name = 'Fulfilments1764000011000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE fulfilments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        -- For one unit of a gift: the claim that accepted it, and the unit.
        claim_id uuid UNIQUE REFERENCES gift_claims (id) ON DELETE CASCADE,
        unit_id uuid UNIQUE REFERENCES gift_units (id) ON DELETE CASCADE,
        shop_id uuid NOT NULL REFERENCES shops (id),
        -- Who receives it: confirms receipt, may ask for after-sales.
        recipient_id uuid NOT NULL REFERENCES users (id),
        address jsonb NOT NULL,
        -- What goes in the parcel (stock returns from these on a refund before shipment).
        lines jsonb NOT NULL,
        -- What was paid for it: what a full refund gives back.
        amount_fen integer NOT NULL CHECK (amount_fen >= 0),
        refund_key text NOT NULL UNIQUE,
        status text NOT NULL CHECK (status IN ('pending', 'shipped', 'delivered', 'completed', 'refunded')),
        carrier text,
        tracking_no text,
        created_at timestamptz NOT NULL,
        shipped_at timestamptz,
        delivered_at timestamptz,
        completed_at timestamptz,
        refunded_at timestamptz,
        CHECK ((claim_id IS NULL) = (unit_id IS NULL))
      );
      -- A normal order ships as one parcel.
      CREATE UNIQUE INDEX fulfilments_whole_order_idx ON fulfilments (order_id) WHERE claim_id IS NULL;
      CREATE INDEX fulfilments_order_idx ON fulfilments (order_id);
      CREATE INDEX fulfilments_shop_idx ON fulfilments (shop_id, status, created_at);

      INSERT INTO fulfilments (order_id, shop_id, recipient_id, address, lines, amount_fen, refund_key, status,
                               carrier, tracking_no, created_at, shipped_at, delivered_at, completed_at, refunded_at)
      SELECT o.id, o.shop_id, o.buyer_id, o.address,
             (SELECT jsonb_agg(jsonb_build_object('skuId', i.sku_id, 'quantity', i.quantity) ORDER BY i.id)
                FROM order_items i WHERE i.order_id = o.id),
             o.total_fen, 'order:' || o.id || ':full',
             CASE o.status WHEN 'paid' THEN 'pending' ELSE o.status END,
             o.carrier, o.tracking_no, COALESCE(o.paid_at, o.created_at), o.shipped_at, o.delivered_at,
             o.completed_at, o.refunded_at
        FROM orders o
       WHERE o.kind = 'normal' AND o.status IN ('paid', 'shipped', 'delivered', 'completed', 'refunded');

      INSERT INTO fulfilments (order_id, claim_id, unit_id, shop_id, recipient_id, address, lines, amount_fen,
                               refund_key, status, carrier, tracking_no, created_at, shipped_at, delivered_at,
                               completed_at, refunded_at)
      SELECT g.order_id, c.id, u.id, o.shop_id, c.recipient_id, c.address,
             jsonb_build_array(jsonb_build_object('skuId', c.sku_id, 'quantity', 1)),
             c.unit_price_fen, 'gift-claim:' || c.id,
             CASE c.status WHEN 'accepted' THEN 'pending' ELSE c.status END,
             c.carrier, c.tracking_no, c.accepted_at, c.shipped_at, c.delivered_at, c.completed_at, c.refunded_at
        FROM gift_claims c
        JOIN gifts g ON g.id = c.gift_id
        JOIN orders o ON o.id = g.order_id
        JOIN gift_units u ON u.claim_id = c.id;

      -- Pending shipping jobs keep their time, now about the fulfilment.
      UPDATE jobs j SET kind = 'fulfilment' || substr(j.kind, strpos(j.kind, '.')),
                        payload = jsonb_build_object('fulfilmentId', f.id),
                        unique_key = 'fulfilment' || substr(j.kind, strpos(j.kind, '.')) || ':' || f.id
        FROM fulfilments f
       WHERE j.state = 'pending' AND j.kind IN ('order.auto_confirm', 'order.complete') AND f.claim_id IS NULL
         AND f.order_id = (j.payload->>'orderId')::uuid;
      UPDATE jobs j SET kind = 'fulfilment' || substr(j.kind, strpos(j.kind, '.')),
                        payload = jsonb_build_object('fulfilmentId', f.id),
                        unique_key = 'fulfilment' || substr(j.kind, strpos(j.kind, '.')) || ':' || f.id
        FROM fulfilments f
       WHERE j.state = 'pending' AND j.kind IN ('gift_claim.auto_confirm', 'gift_claim.complete')
         AND f.claim_id = (j.payload->>'claimId')::uuid;

      ALTER TABLE after_sale_cases ADD COLUMN fulfilment_id uuid REFERENCES fulfilments (id);
      UPDATE after_sale_cases a SET fulfilment_id = f.id FROM fulfilments f
       WHERE f.order_id = a.order_id AND f.claim_id IS NOT DISTINCT FROM a.claim_id;
      CREATE INDEX after_sale_cases_fulfilment_idx ON after_sale_cases (fulfilment_id, created_at);
      ALTER TABLE after_sale_cases ALTER COLUMN fulfilment_id SET NOT NULL;

      ALTER TABLE orders DROP COLUMN carrier, DROP COLUMN tracking_no, DROP COLUMN shipped_at,
                         DROP COLUMN delivered_at;
      ALTER TABLE gift_claims DROP COLUMN status, DROP COLUMN carrier, DROP COLUMN tracking_no,
                              DROP COLUMN shipped_at, DROP COLUMN delivered_at, DROP COLUMN completed_at,
                              DROP COLUMN refunded_at;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE orders ADD COLUMN carrier text, ADD COLUMN tracking_no text, ADD COLUMN shipped_at timestamptz,
                         ADD COLUMN delivered_at timestamptz;
      UPDATE orders o SET carrier = f.carrier, tracking_no = f.tracking_no, shipped_at = f.shipped_at,
                          delivered_at = f.delivered_at
        FROM fulfilments f WHERE f.order_id = o.id AND f.claim_id IS NULL;
      ALTER TABLE gift_claims ADD COLUMN status text, ADD COLUMN carrier text, ADD COLUMN tracking_no text,
                              ADD COLUMN shipped_at timestamptz, ADD COLUMN delivered_at timestamptz,
                              ADD COLUMN completed_at timestamptz, ADD COLUMN refunded_at timestamptz;
      UPDATE gift_claims c SET status = CASE f.status WHEN 'pending' THEN 'accepted' ELSE f.status END,
                               carrier = f.carrier, tracking_no = f.tracking_no, shipped_at = f.shipped_at,
                               delivered_at = f.delivered_at, completed_at = f.completed_at,
                               refunded_at = f.refunded_at
        FROM fulfilments f WHERE f.claim_id = c.id;
      ALTER TABLE gift_claims ALTER COLUMN status SET NOT NULL,
        ADD CHECK (status IN ('accepted', 'shipped', 'delivered', 'completed', 'refunded'));
      UPDATE jobs j SET kind = CASE WHEN f.claim_id IS NULL THEN 'order' ELSE 'gift_claim' END
                               || substr(j.kind, strpos(j.kind, '.')),
                        payload = CASE WHEN f.claim_id IS NULL THEN jsonb_build_object('orderId', f.order_id)
                                       ELSE jsonb_build_object('claimId', f.claim_id) END,
                        unique_key = NULL
        FROM fulfilments f
       WHERE j.kind IN ('fulfilment.auto_confirm', 'fulfilment.complete')
         AND f.id = (j.payload->>'fulfilmentId')::uuid;
      ALTER TABLE after_sale_cases DROP COLUMN fulfilment_id;
      DROP TABLE fulfilments;
    `);
  }
}
