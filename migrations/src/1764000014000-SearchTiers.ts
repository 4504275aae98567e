import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 搜一搜 at 100k products without scoring every match (issue 14).
 *
 * - `search_signal_events`: what a payment, a refund or a view appends, in its own transaction and
 *   without touching a shared row; a job rolls them up into the signal tables within the allowed
 *   lag (60 s), so payments of one shop no longer queue on its signal row.
 * - `products.search_tier`: an upper bound of the product's boost (from its signal rows, before
 *   decay), in steps of 1/16 of a doubling of (1 + boost), kept by the roll-up. It is indexed with
 *   the vector (search_doc), so a query reads its matches best tier first and stops once no unread
 *   tier can reach the page (search-top.ts).
 * - `search_catalog.version`: bumped by any change to what matches, so counts can be reused.
 * - `search_lexemes`: each lexeme ever indexed with the highest ts_rank a product has had for it
 *   alone (and the highest among products without it in the title), kept by triggers as vectors
 *   are written (never lowered): the upper bounds of relevance the stop rule needs. The weights are SEARCH_RANKING.rankWeights ({D, C, B, A}); changing
 *   them needs a migration that recreates the functions and recomputes the table.
 */
export class SearchTiers1764000014000 implements MigrationInterface {
  name = 'SearchTiers1764000014000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE search_signal_events (
        id bigserial PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('paid', 'refunded', 'viewed')),
        order_id uuid,
        unit_id uuid,
        amount_fen integer,
        product_id uuid,
        at timestamptz NOT NULL,
        CHECK ((kind = 'viewed') = (product_id IS NOT NULL AND order_id IS NULL))
      );

      ALTER TABLE products ADD COLUMN search_tier smallint NOT NULL DEFAULT 0;
      -- The vector, the tier as one more lexeme ('~45') and each lexeme of the title marked ('^茶'),
      -- so a query reads from the index only the tiers, and the matches in or out of titles, it
      -- asks for ('茶' & ('~45' | '~46') & '^茶'). No query token starts with '~' or '^'.
      CREATE FUNCTION search_doc(vector tsvector, tier smallint) RETURNS tsvector
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
          SELECT vector || ('''~' || tier || '''')::tsvector
                 || array_to_tsvector(ARRAY(SELECT '^' || lexeme FROM unnest(ts_filter(vector, '{a}'))))
        $$;
      DROP INDEX products_search_idx;
      CREATE INDEX products_search_idx ON products USING gin (search_doc(search_vector, search_tier))
        WHERE status = 'listed';
      -- Where a query starts: the highest tier of a listed product.
      CREATE INDEX products_search_tier_idx ON products (search_tier) WHERE status = 'listed';

      -- Bumped with every change to what matches (listing, delisting, text): a count of matches is
      -- exact for as long as the version it was counted at.
      CREATE TABLE search_catalog (one boolean PRIMARY KEY DEFAULT true CHECK (one), version bigint NOT NULL);
      INSERT INTO search_catalog (version) VALUES (1);
      CREATE FUNCTION search_catalog_bump() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE search_catalog SET version = version + 1;
        RETURN NULL;
      END $$;
      CREATE TRIGGER products_search_catalog AFTER INSERT OR DELETE OR UPDATE OF status, search_vector ON products
        FOR EACH STATEMENT EXECUTE FUNCTION search_catalog_bump();

      CREATE TABLE search_lexemes (
        lexeme text COLLATE "C" PRIMARY KEY,
        max_rank real NOT NULL,
        -- The same over the products whose title does not hold the lexeme.
        max_rank_untitled real NOT NULL
      );

      -- The highest single-lexeme ts_rank of the given vectors, merged upward into search_lexemes.
      CREATE FUNCTION search_lexemes_merge(vectors tsvector[]) RETURNS void LANGUAGE sql AS $$
        INSERT INTO search_lexemes AS l (lexeme, max_rank, max_rank_untitled)
        SELECT x.lexeme, x.max_rank, x.max_rank_untitled FROM (
          SELECT r.lexeme, max(r.rank) AS max_rank, COALESCE(max(r.rank) FILTER (WHERE NOT r.titled), 0) AS max_rank_untitled
            FROM (SELECT u.lexeme, 'A' = ANY(u.weights) AS titled,
                         ts_rank('{0.1, 0.2, 0.4, 1}', v.vector,
                                 ('''' || replace(replace(u.lexeme, '\\', '\\\\'), '''', '''''') || '''')::tsquery) AS rank
                    FROM unnest(vectors) AS v(vector) CROSS JOIN LATERAL unnest(v.vector) AS u
                   WHERE v.vector IS NOT NULL) r
           GROUP BY r.lexeme
        ) x
        WHERE NOT EXISTS (SELECT 1 FROM search_lexemes o WHERE o.lexeme = x.lexeme
                             AND o.max_rank >= x.max_rank AND o.max_rank_untitled >= x.max_rank_untitled)
        ON CONFLICT (lexeme) DO UPDATE
          SET max_rank = GREATEST(l.max_rank, EXCLUDED.max_rank),
              max_rank_untitled = GREATEST(l.max_rank_untitled, EXCLUDED.max_rank_untitled)
      $$;
      CREATE FUNCTION search_lexemes_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM search_lexemes_merge(ARRAY(SELECT search_vector FROM new_rows WHERE search_vector IS NOT NULL));
        RETURN NULL;
      END $$;
      CREATE FUNCTION search_lexemes_updated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM search_lexemes_merge(ARRAY(
          SELECT n.search_vector FROM new_rows n JOIN old_rows o ON o.id = n.id
           WHERE n.search_vector IS NOT NULL AND n.search_vector IS DISTINCT FROM o.search_vector));
        RETURN NULL;
      END $$;
      CREATE TRIGGER products_search_lexemes_insert AFTER INSERT ON products
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_lexemes_inserted();
      CREATE TRIGGER products_search_lexemes_update AFTER UPDATE ON products
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_lexemes_updated();

      SELECT search_lexemes_merge(ARRAY(SELECT search_vector FROM products WHERE search_vector IS NOT NULL));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER products_search_lexemes_update ON products;
      DROP TRIGGER products_search_lexemes_insert ON products;
      DROP FUNCTION search_lexemes_updated();
      DROP FUNCTION search_lexemes_inserted();
      DROP FUNCTION search_lexemes_merge(tsvector[]);
      DROP TABLE search_lexemes;
      DROP TRIGGER products_search_catalog ON products;
      DROP FUNCTION search_catalog_bump();
      DROP TABLE search_catalog;
      DROP INDEX products_search_tier_idx;
      DROP INDEX products_search_idx;
      DROP FUNCTION search_doc(tsvector, smallint);
      ALTER TABLE products DROP COLUMN search_tier;
      CREATE INDEX products_search_idx ON products USING gin (search_vector) WHERE status = 'listed';
      DROP TABLE search_signal_events;
    `);
  }
}
