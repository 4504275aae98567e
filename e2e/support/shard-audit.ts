import type { TestApp } from './test-app';

/**
 * Records, for every row written to a shop's tables, the transaction that wrote it and the shop the
 * row belongs to: the check that the distribution key `shop_id` chosen for Citus (docs/SCALING.md)
 * would keep each money transaction on one shard. Row triggers, installed in the test's database,
 * so they see every app process on it.
 *
 * Each table names where its shop is read from: its own `shop_id`, or through its parent (a
 * payment through its order). The first source is the row's shop and must resolve; the others are
 * the shops of the rows it points at, recorded too, so a row that points into another shop (a card
 * of shop A paying an order of shop B) shows as a transaction of two shops.
 *
 * Not audited, as not a shop's data: users, friendships, friend requests, chats, chat members and
 * messages (a gift's notice in a chat is the buyer's conversation, kept by chat), addresses, jobs,
 * idempotency keys, rate-limit windows, the test clock, the search tables (search signals, counted
 * orders, buyer days, lexemes, the catalogue version: fed from events, served across shops),
 * sandbox_refunds (the payment provider's stand-in, not the shop's books). `UNAUDITED_SHOP_TABLES`
 * names the ones of these that carry a `shop_id` column; the suite fails when a table with a
 * `shop_id` column is in neither list.
 */
const order = (col: string) => `(SELECT o.shop_id FROM orders o WHERE o.id = r.${col})`;
const product = (col: string) => `(SELECT p.shop_id FROM products p WHERE p.id = r.${col})`;
const gift = (col: string) =>
  `(SELECT o.shop_id FROM gifts g JOIN orders o ON o.id = g.order_id WHERE g.id = r.${col})`;
const unit = (col: string) =>
  `(SELECT o.shop_id FROM gift_units u JOIN gifts g ON g.id = u.gift_id JOIN orders o ON o.id = g.order_id
     WHERE u.id = r.${col})`;
const payment = (col: string) =>
  `(SELECT o.shop_id FROM payments p JOIN orders o ON o.id = p.order_id WHERE p.id = r.${col})`;
const byId = (table: string, col: string) => `(SELECT x.shop_id FROM ${table} x WHERE x.id = r.${col})`;

export const AUDITED_SHOP_TABLES: Record<string, string[]> = {
  shops: ['r.id'],
  shop_follows: ['r.shop_id'],
  products: ['r.shop_id'],
  skus: [product('product_id')],
  product_views: ['r.shop_id', product('product_id')],
  orders: ['r.shop_id'],
  order_items: [order('order_id'), product('product_id')],
  payments: [order('order_id')],
  payment_notifications: [payment('payment_id')],
  refunds: [order('order_id'), payment('payment_id')],
  after_sale_cases: [order('order_id'), byId('fulfilments', 'fulfilment_id')],
  fulfilments: ['r.shop_id', order('order_id')],
  gifts: [order('order_id'), product('product_id')],
  gift_claims: [gift('gift_id')],
  gift_units: [gift('gift_id')],
  gift_entries: [gift('gift_id')],
  ledger_entries: ['r.shop_id', order('order_id')],
  ledger_shop_gmv: ['r.shop_id'],
  ledger_unit_fees: [unit('unit_id')],
  group_deals: ['r.shop_id', product('product_id')],
  group_deal_skus: [byId('group_deals', 'deal_id')],
  group_teams: ['r.shop_id', byId('group_deals', 'deal_id')],
  group_seats: [byId('group_teams', 'team_id'), order('order_id')],
  sharer_earnings: ['r.shop_id', order('order_id')],
  coupons: ['r.shop_id'],
  user_coupons: ['r.shop_id', byId('coupons', 'coupon_id'), order('order_id')],
  gift_card_designs: ['r.shop_id'],
  gift_cards: ['r.shop_id', byId('gift_card_designs', 'design_id'), order('order_id')],
  gift_card_payments: [order('order_id'), byId('gift_cards', 'card_id')],
};

/** Tables with a `shop_id` column that are not a shop's books (search: fed from events, read across shops). */
export const UNAUDITED_SHOP_TABLES = [
  'search_buyer_days',
  'search_counted_orders',
  'search_signal_events',
  'shop_search_signals',
];

/**
 * Columns of a shop's table that belong to search, not to the shop's books: the search rollup job
 * (server/src/search/search-signals.service.ts, `retierSql`) and the vector refresh
 * (server/src/catalog/search-vector.ts) write them for the products of several shops in one
 * statement. A KNOWN EXCEPTION, not a money transaction: see `searchOnlyTransactions`.
 */
export const SEARCH_COLUMNS: Record<string, string[]> = { products: ['search_tier', 'search_vector'] };

/**
 * Tables whose writes span shops by design, recorded without a shop so a test can show what else
 * their transactions touch: a sharer's withdrawal is the sharer's, over earnings in every shop.
 */
export const CROSS_SHOP_TABLES = ['sharer_withdrawals'];

const SCHEMA = 'shard_audit';

/** Installs the audit (replacing one left by an interrupted run). */
export async function installShardAudit(t: TestApp): Promise<void> {
  const statements = [
    `DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`,
    `CREATE SCHEMA ${SCHEMA}`,
    `CREATE TABLE ${SCHEMA}.touches (
       txid bigint NOT NULL, tbl text NOT NULL, op text NOT NULL, shop_id uuid, via smallint NOT NULL,
       changed text[], at timestamptz NOT NULL DEFAULT clock_timestamp())`,
    `CREATE INDEX ON ${SCHEMA}.touches (txid)`,
  ];
  for (const [table, sources] of Object.entries(AUDITED_SHOP_TABLES)) {
    // The row's own shop (via 0) always; the shops of what it points at (via 1…) when it points.
    const values = sources.map((s, i) => `(${s}, ${i})`).join(', ');
    const record = `INSERT INTO ${SCHEMA}.touches (txid, tbl, op, shop_id, via, changed)
           SELECT txid_current(), TG_TABLE_NAME, TG_OP, s.shop_id, s.via, changed
             FROM (VALUES ${values}) s(shop_id, via)
            WHERE s.via = 0 OR s.shop_id IS NOT NULL;`;
    // An update is recorded as the row before and after (a row moved to another shop shows as two).
    statements.push(
      `CREATE FUNCTION ${SCHEMA}.${table}() RETURNS trigger LANGUAGE plpgsql AS $fn$
       DECLARE r ${table}%ROWTYPE; changed text[];
       BEGIN
         IF TG_OP = 'UPDATE' THEN
           SELECT array_agg(n.key ORDER BY n.key) INTO changed FROM jsonb_each(to_jsonb(NEW)) n
            WHERE n.value IS DISTINCT FROM to_jsonb(OLD) -> n.key;
         END IF;
         IF TG_OP <> 'DELETE' THEN r := NEW; ${record} END IF;
         IF TG_OP <> 'INSERT' THEN r := OLD; ${record} END IF;
         RETURN NULL;
       END $fn$`,
      `CREATE TRIGGER shard_audit AFTER INSERT OR UPDATE OR DELETE ON ${table}
         FOR EACH ROW EXECUTE FUNCTION ${SCHEMA}.${table}()`,
    );
  }
  for (const table of CROSS_SHOP_TABLES) {
    statements.push(
      `CREATE FUNCTION ${SCHEMA}.${table}() RETURNS trigger LANGUAGE plpgsql AS $fn$
       BEGIN
         INSERT INTO ${SCHEMA}.touches (txid, tbl, op, shop_id, via) VALUES (txid_current(), TG_TABLE_NAME, TG_OP, NULL, 0);
         RETURN NULL;
       END $fn$`,
      `CREATE TRIGGER shard_audit AFTER INSERT OR UPDATE OR DELETE ON ${table}
         FOR EACH ROW EXECUTE FUNCTION ${SCHEMA}.${table}()`,
    );
  }
  for (const statement of statements) await t.sql(statement);
}

/** Removes the audit and its triggers (the worker's database serves the next suite). */
export async function removeShardAudit(t: TestApp): Promise<void> {
  await t.sql(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
}

export interface CrossShopTransaction {
  txid: string;
  shops: string[];
  /** table:op=shop (and `?` for a row whose own shop did not resolve). */
  touches: string[];
}

/**
 * The transactions that touched the rows of more than one shop, or a row whose shop could not be
 * found, leaving out those of the cross-shop tables (checked on their own).
 */
export async function crossShopTransactions(t: TestApp): Promise<CrossShopTransaction[]> {
  return t.sql<CrossShopTransaction>(
    `SELECT a.txid::text AS txid,
            array_agg(DISTINCT a.shop_id::text) FILTER (WHERE a.shop_id IS NOT NULL) AS shops,
            array_agg(DISTINCT a.tbl || ':' || a.op || '=' || COALESCE(a.shop_id::text, '?')) AS touches
       FROM ${SCHEMA}.touches a
      WHERE NOT EXISTS (SELECT 1 FROM ${SCHEMA}.touches c WHERE c.txid = a.txid AND c.tbl = ANY($1))
        AND a.txid NOT IN (${SEARCH_ONLY})
      GROUP BY a.txid
     HAVING count(DISTINCT a.shop_id) > 1 OR bool_or(a.shop_id IS NULL)
      ORDER BY a.txid`,
    [CROSS_SHOP_TABLES, JSON.stringify(SEARCH_COLUMNS)],
  );
}

/** The transactions ($2: SEARCH_COLUMNS as JSON) that changed nothing but search columns. */
const SEARCH_ONLY = `
  SELECT s.txid FROM ${SCHEMA}.touches s GROUP BY s.txid
  HAVING bool_and(s.op = 'UPDATE' AND s.changed IS NOT NULL
                  AND s.changed <@ ARRAY(SELECT jsonb_array_elements_text($2::jsonb -> s.tbl)))`;

/** The known exception: transactions that only wrote search columns, with the shops they spanned. */
export async function searchOnlyTransactions(
  t: TestApp,
): Promise<{ txid: string; shops: number; tables: string[]; changed: string[] }[]> {
  return t.sql(
    `SELECT a.txid::text AS txid, count(DISTINCT a.shop_id)::int AS shops,
            array_agg(DISTINCT a.tbl) AS tables,
            ARRAY(SELECT DISTINCT c FROM ${SCHEMA}.touches b, unnest(b.changed) c WHERE b.txid = a.txid ORDER BY c)
              AS changed
       FROM ${SCHEMA}.touches a
      WHERE a.txid IN (${SEARCH_ONLY.replace('$2', '$1')})
      GROUP BY a.txid ORDER BY a.txid`,
    [JSON.stringify(SEARCH_COLUMNS)],
  );
}

/** How many distinct transactions wrote each audited table, and how many shops they wrote in. */
export async function auditedTransactions(
  t: TestApp,
): Promise<Record<string, { transactions: number; shops: number }>> {
  const rows = await t.sql<{ tbl: string; transactions: number; shops: number }>(
    `SELECT tbl, count(DISTINCT txid)::int AS transactions, count(DISTINCT shop_id)::int AS shops
       FROM ${SCHEMA}.touches GROUP BY tbl`,
  );
  return Object.fromEntries(rows.map((r) => [r.tbl, { transactions: r.transactions, shops: r.shops }]));
}

/** What the transactions that wrote `table` touched besides it: table:op=shop per transaction. */
export async function alsoTouchedBy(t: TestApp, table: string): Promise<{ txid: string; touches: string[] }[]> {
  return t.sql(
    `SELECT a.txid::text AS txid,
            array_agg(DISTINCT a.tbl || ':' || a.op || '=' || COALESCE(a.shop_id::text, '-')) AS touches
       FROM ${SCHEMA}.touches a
      WHERE a.txid IN (SELECT txid FROM ${SCHEMA}.touches WHERE tbl = $1)
      GROUP BY a.txid ORDER BY a.txid`,
    [table],
  );
}

/** The current count of audit rows (to look at what one step wrote). */
export async function auditMark(t: TestApp): Promise<number> {
  const [{ n }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${SCHEMA}.touches`);
  return n;
}
