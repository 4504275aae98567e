import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Behind PgBouncer in transaction pooling (scripts/cluster.sh) each transaction may run on another
 * server connection, so nothing may leave state on a session for a later statement to find. What
 * a session can carry, and where the code may still use it:
 */
const SESSION_STATE: { what: string; pattern: RegExp; allowed: string[] }[] = [
  {
    what: 'a session-level advisory lock (use pg_advisory_xact_lock / pg_try_advisory_xact_lock)',
    pattern: /pg_(try_)?advisory_lock(_shared)?\s*\(/,
    // The migrations' lock, taken on DATABASE_DIRECT_URL, straight to the primary.
    allowed: ['database/migration.service.ts'],
  },
  {
    what: 'a setting for the session (SET without LOCAL, or set_config(…, false))',
    pattern: /['`"]\s*SET\s+(SESSION\s+)?(?!LOCAL\b)[a-z_]+\s*(=|TO\b)|set_config\([^)]*,\s*false\s*\)/i,
    allowed: [],
  },
  { what: 'a prepared statement by SQL (PREPARE / EXECUTE)', pattern: /['`"]\s*(PREPARE|EXECUTE)\s+\w+/i, allowed: [] },
  { what: 'LISTEN / NOTIFY on a pooled session', pattern: /['`"]\s*LISTEN\s+\w+/i, allowed: [] },
  { what: 'a temporary table', pattern: /CREATE\s+(TEMP|TEMPORARY)\s+TABLE/i, allowed: [] },
  {
    what: 'a cursor held across transactions',
    pattern: /DECLARE\s+\w+\s+(BINARY\s+)?(INSENSITIVE\s+)?(NO\s+)?(SCROLL\s+)?CURSOR\s+WITH\s+HOLD/i,
    allowed: [],
  },
];

const SRC = join(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Every line of the server's code that carries one kind of session state, outside its allowed files. */
export function sessionStateUses(files: { path: string; text: string }[]): string[] {
  const found: string[] = [];
  for (const { path, text } of files) {
    text.split('\n').forEach((line, i) => {
      for (const rule of SESSION_STATE) {
        if (rule.pattern.test(line) && !rule.allowed.includes(path)) found.push(`${path}:${i + 1}: ${rule.what}`);
      }
    });
  }
  return found;
}

describe('no session state behind a transaction-pooling PgBouncer', () => {
  const files = sources(SRC).map((path) => ({ path: relative(SRC, path), text: readFileSync(path, 'utf8') }));

  it('reads the whole server', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.map((f) => f.path)).toContain('database/migration.service.ts');
  });

  it('finds none in the server code, but the migrations’ lock on the direct connection', () => {
    expect(sessionStateUses(files)).toEqual([]);
  });

  it('would find each kind', () => {
    const planted = [
      "await tx.query('SELECT pg_advisory_lock($1)', [1]);",
      "await tx.query('SELECT pg_try_advisory_lock(42)');",
      "await db.query('SET statement_timeout = 0');",
      "await db.query(\"SELECT set_config('work_mem', '64MB', false)\");",
      "await db.query('PREPARE checkout AS SELECT 1');",
      "await db.query('LISTEN orders');",
      "await db.query('CREATE TEMP TABLE basket (id int)');",
      "await db.query('DECLARE c CURSOR WITH HOLD FOR SELECT 1');",
    ];
    const uses = sessionStateUses(planted.map((text, i) => ({ path: `planted${i}.ts`, text })));
    expect(uses.map((u) => u.split(':')[0])).toEqual(planted.map((_, i) => `planted${i}.ts`));
    // …and lets through what is safe: transaction-scoped locks and settings.
    expect(
      sessionStateUses([
        {
          path: 'safe.ts',
          text: [
            "await tx.query('SELECT pg_try_advisory_xact_lock($1)', [1]);",
            "await tx.query('SET LOCAL lock_timeout = 1000');",
            "await tx.query(\"SELECT set_config('enable_seqscan', 'off', true)\");",
            "await tx.query('UPDATE products SET search_tier = 1');",
          ].join('\n'),
        },
      ]),
    ).toEqual([]);
  });
});
