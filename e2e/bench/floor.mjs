/**
 * The database's floor: pgbench over ../shared/bench's tiny schema, in a throwaway database, so
 * the shop's figures stand beside what PostgreSQL alone allows in the same run (checkout.mjs,
 * fleet.mjs).
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { cpuDelta, cpuSnapshot } from './lib.mjs';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FLOOR_DIR = resolve(REPO_ROOT, '..', 'shared', 'bench');

/** pgbench over the floor schema: `script`s per second PostgreSQL alone allows at `clients`. */
function pgbench(adminUrl, dbName, script, clients, seconds) {
  const url = new URL(adminUrl);
  const env = {
    ...process.env,
    PGHOST: url.hostname,
    PGPORT: url.port || '5432',
    PGUSER: decodeURIComponent(url.username),
    PGPASSWORD: decodeURIComponent(url.password),
  };
  const args = ['-n', '-M', 'prepared', '-c', String(clients), '-j', '2', '-T', String(seconds)];
  args.push('-f', resolve(FLOOR_DIR, script), dbName);
  return new Promise((res, rej) =>
    execFile('pgbench', args, { env }, (err, stdout, stderr) => {
      if (err) return rej(new Error(`pgbench: ${stderr || err.message}`));
      const tps = Number((stdout.match(/tps = ([\d.]+) \(without initial connection time\)/) ?? [])[1]);
      const latency = Number((stdout.match(/latency average = ([\d.]+) ms/) ?? [])[1]);
      res({ clients, tps, latencyMs: latency });
    }),
  );
}

/**
 * Runs `script` (checkout-floor.sql, claim-floor.sql) at each of `clients` for `seconds`, in a
 * fresh database made from floor-schema.sql and dropped afterwards. Each result: clients, tps,
 * latency, and the machine's and PostgreSQL's share of the cores during the run.
 */
export async function floor(admin, adminUrl, script, { clients = [20, 8], seconds }) {
  const schema = resolve(FLOOR_DIR, 'floor-schema.sql');
  if (!existsSync(schema)) throw new Error(`${schema} is missing`);
  if (seconds < 3) throw new Error('a floor needs at least 3 seconds');
  const name = `giftshop_floor_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const c = new pg.Client({ connectionString: url.toString() });
    await c.connect();
    await c.query(readFileSync(schema, 'utf8'));
    await c.end();
    const results = [];
    for (const n of clients) {
      // pgbench's backends exit with it: sample the CPU inside the run, from 1 s in to 1 s before the end.
      const window = new Promise((res) => {
        setTimeout(() => {
          const before = cpuSnapshot(process.pid, name);
          setTimeout(() => res(cpuDelta(before, cpuSnapshot(process.pid, name))), (seconds - 2) * 1000);
        }, 1000);
      });
      const r = await pgbench(adminUrl, name, script, n, seconds);
      const cpu = await window;
      r.machineBusyPct = cpu.machineBusyPct;
      r.postgresPct = (100 * cpu.postgresBench) / (cpu.wall * cpu.cores);
      r.othersPct = (100 * cpu.postgresOther) / (cpu.wall * cpu.cores);
      results.push(r);
    }
    return results;
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
  }
}
