#!/usr/bin/env node
/**
 * Benchmark: 搜一搜 (GET /api/search) over 100,000 products and 1,000,000 orders in PostgreSQL.
 *
 *   npm run bench:search                           # builds the server, then runs this script
 *   node e2e/bench/search.mjs --rounds=50          # against an existing build
 *
 * A script, not a timed test. It creates a throwaway database on the local PostgreSQL server,
 * starts the BUILT server once so it migrates the schema, stops it, generates the catalogue and
 * the orders straight into PostgreSQL (products through `pg`, with the search vectors built by the
 * shared `toTsvectorLiteral`; orders with generate_series), fills the search signals the way the
 * incremental service would have left them, VACUUM ANALYZEs, starts the server again and times a
 * fixed query set over HTTP, one request at a time. It prints a result block and a markdown block
 * (written into docs/BENCHMARKS.md between the `search-bench` markers with --write-docs), then
 * stops the server and drops the database.
 *
 * Options (flag or environment variable):
 *   --products=N      BENCH_PRODUCTS      products (100000)
 *   --orders=N        BENCH_ORDERS        orders (1000000)
 *   --shops=N         BENCH_SHOPS         shops, each with its own owner (200)
 *   --buyers=N        BENCH_BUYERS        buyers (2000)
 *   --rounds=N        BENCH_ROUNDS        timed rounds over the query set (30)
 *   --warmup=N        BENCH_WARMUP        untimed rounds first (3)
 *   --sql-rounds=N    BENCH_SQL_ROUNDS    rounds of the same SQL sent straight to PostgreSQL (5; 0: skip)
 *   --seed=N          BENCH_SEED          seed of the data generator (1)
 *   --write-docs      BENCH_WRITE_DOCS=1  replace the generated block of docs/BENCHMARKS.md
 *   --keep-db         BENCH_KEEP_DB=1     keep the bench database afterwards (for EXPLAIN ANALYZE)
 *   BENCH_DATABASE_URL (or TEST_DATABASE_URL)  admin connection
 *                     (default postgres://giftshop:giftshop@127.0.0.1:5432/giftshop)
 *
 * Exit code 0 when every query answered 200 with the same total in every round; the 50 ms p95
 * target is reported (MET / NOT MET), not enforced. Node 20 built-ins plus `pg`.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import {
  benchLifecycle,
  databaseUrl as databaseUrlOn,
  freePort,
  HOST,
  intOption,
  log,
  option,
  percentile,
  sleep,
  spawnServer,
  waitForHealth,
} from './lib.mjs';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SERVER_ENTRY = resolve(REPO_ROOT, 'server', 'dist', 'main.js');
const SHARED_ENTRY = resolve(REPO_ROOT, 'shared', 'dist', 'index.js');
const SEARCH_SERVICE = resolve(REPO_ROOT, 'server', 'dist', 'search', 'search.service.js');
const RANKING_SQL = resolve(REPO_ROOT, 'server', 'dist', 'search', 'search-ranking-sql.js');
const DOCS = resolve(REPO_ROOT, 'docs', 'BENCHMARKS.md');
const DOCS_BEGIN = '<!-- search-bench:begin (written by e2e/bench/search.mjs --write-docs) -->';
const DOCS_END = '<!-- search-bench:end -->';
const SERVER_START_TIMEOUT_MS = 120_000;
const TARGET_P95_MS = 50;
const PRODUCT_BATCH = 2_000;
const ORDER_CHUNK = 250_000;

const unknown = process.argv
  .slice(2)
  .filter((a) => !/^--(products|orders|shops|buyers|rounds|warmup|sql-rounds|seed|write-docs|keep-db)(=.*)?$/.test(a));
if (unknown.length > 0) {
  console.error(`unknown argument(s): ${unknown.join(' ')} (see the header of e2e/bench/search.mjs)`);
  process.exit(2);
}

const PRODUCTS = intOption('products', 'BENCH_PRODUCTS', 100_000, 100, 2_000_000);
const ORDERS = intOption('orders', 'BENCH_ORDERS', 1_000_000, 0, 20_000_000);
const SHOPS = intOption('shops', 'BENCH_SHOPS', 200, 1, 10_000);
const BUYERS = intOption('buyers', 'BENCH_BUYERS', 2_000, 1, 1_000_000);
const ROUNDS = intOption('rounds', 'BENCH_ROUNDS', 30, 1, 10_000);
const WARMUP = intOption('warmup', 'BENCH_WARMUP', 3, 0, 100);
const SQL_ROUNDS = intOption('sql-rounds', 'BENCH_SQL_ROUNDS', 5, 0, 10_000);
const SEED = intOption('seed', 'BENCH_SEED', 1, 0, 2 ** 31 - 1);
const WRITE_DOCS = option('write-docs', 'BENCH_WRITE_DOCS', '0') !== '0';
const KEEP_DB = option('keep-db', 'BENCH_KEEP_DB', '0') !== '0';
const ADMIN_URL =
  process.env.BENCH_DATABASE_URL ||
  process.env.TEST_DATABASE_URL ||
  'postgres://giftshop:giftshop@127.0.0.1:5432/giftshop';

// ---------------------------------------------------------------------------------------------
// The query set: fixed, from very common to absent, with pages further down the ranking.

const QUERIES = [
  { cls: 'Han, 1 char', q: '茶' },
  { cls: 'Han, 1 char', q: '花' },
  { cls: 'Han, 1 char', q: '金' },
  { cls: 'Han, pair', q: '礼盒' },
  { cls: 'Han, pair', q: '玫瑰' },
  { cls: 'Han, pair', q: '手机' },
  { cls: 'Han, longer', q: '西湖龙井' },
  { cls: 'Han, longer', q: '黄金手镯' },
  { cls: 'Han, longer', q: '母亲节礼物' },
  { cls: 'Han, longer', q: '送妈妈 康乃馨 花束' },
  { cls: 'Latin', q: 'tea' },
  { cls: 'Latin', q: 'gift box' },
  { cls: 'Latin', q: 'rose' },
  { cls: 'Latin', q: 'phone' },
  { cls: 'mixed', q: 'tea礼盒' },
  { cls: 'mixed', q: 'Huawei 手机' },
  { cls: 'shop name', q: '梅家坞' },
  { cls: 'rare / none', q: '翡翠' },
  { cls: 'rare / none', q: '量子计算机' },
  { cls: 'page', q: '茶', offset: 200 },
  { cls: 'page', q: '礼盒', offset: 1000 },
];
const CLASSES = [...new Set(QUERIES.map((x) => x.cls))];
const label = (x) => `${x.q}${x.offset ? ` (offset ${x.offset})` : ''}`;
const searchPath = (x) =>
  `/api/search?q=${encodeURIComponent(x.q)}&limit=${x.limit ?? 20}${x.offset ? `&offset=${x.offset}` : ''}`;

// ---------------------------------------------------------------------------------------------
// Vocabulary of the generated catalogue. Each shop has a theme; most of its products come from
// that theme. Words cross themes on purpose (茶 in tea, tea sets and 下午茶; 玫瑰 in flowers, 玫瑰花茶
// and perfume; tea as a prefix of teapot and teacup) so the queries hit different selectivities.

const THEMES = {
  tea: {
    category: 'tea',
    shop: ['茶庄', '茶行', '茶舍', '茗茶', '茶叶店'],
    items: [
      '西湖龙井',
      '碧螺春',
      '铁观音',
      '大红袍',
      '普洱茶饼',
      '安吉白茶',
      '金骏眉',
      '正山小种',
      '六安瓜片',
      '茉莉花茶',
      '白毫银针',
      '凤凰单丛',
      '滇红',
      '黄山毛峰',
      '玫瑰花茶',
      '菊花茶',
      '桂花乌龙',
    ],
    latin: ['tea', 'green tea', 'oolong tea', 'black tea', 'pu-erh tea', 'jasmine tea', 'loose leaf'],
    specs: ['250g', '500g', '100g', '罐装', '袋泡 20 包', '半斤装'],
    price: [3_800, 168_000],
  },
  flowers: {
    category: 'flowers',
    shop: ['花店', '花坊', '花艺', '鲜花馆', '花园'],
    items: [
      '红玫瑰花束',
      '白玫瑰',
      '香槟玫瑰',
      '粉百合',
      '康乃馨花束',
      '向日葵',
      '郁金香',
      '满天星',
      '绣球花',
      '永生花',
      '蝴蝶兰',
      '多肉盆栽',
      '绿萝',
    ],
    latin: ['rose', 'roses', 'bouquet', 'lily', 'tulip', 'flowers'],
    specs: ['11 枝', '19 枝', '33 枝', '99 枝', '一盆', '小号', '大号'],
    price: [5_900, 99_900],
  },
  food: {
    category: 'food',
    shop: ['食品', '零食铺', '糕点铺', '特产店', '烘焙坊'],
    items: [
      '月饼礼盒',
      '坚果礼盒',
      '手工巧克力',
      '凤梨酥',
      '蛋黄酥',
      '即食燕窝',
      '枣夹核桃',
      '槐花蜂蜜',
      '黄油曲奇',
      '牛肉干',
      '阿胶糕',
      '广式腊肠',
    ],
    latin: ['gift box', 'chocolate', 'cookies', 'honey', 'snack box'],
    specs: ['6 枚', '12 枚', '500g', '1kg', '礼盒装', '家庭装'],
    price: [2_990, 59_900],
  },
  jewellery: {
    category: 'jewellery_gold',
    shop: ['珠宝', '金店', '银楼', '首饰铺'],
    items: [
      '黄金手镯',
      '足金吊坠',
      'K金项链',
      '银手链',
      '珍珠耳环',
      '翡翠手镯',
      '和田玉坠',
      '钻石戒指',
      '黄金转运珠',
      '情侣对戒',
    ],
    latin: ['gold', 'silver', 'pearl', 'necklace', 'bracelet', 'ring'],
    specs: ['2g', '5g', '10g', '16 号', '18 号', '均码'],
    price: [19_900, 1_280_000],
  },
  digital: {
    category: 'digital',
    shop: ['数码', '电子', '数码旗舰店', '手机专营店'],
    items: [
      '智能手机',
      '蓝牙耳机',
      '充电宝',
      '智能手表',
      '平板电脑',
      '机械键盘',
      '拍立得相机',
      '电动牙刷',
      '手机壳',
      '无线充电器',
    ],
    brands: ['华为', '小米', '苹果', 'OPPO', 'vivo', '荣耀'],
    latin: ['phone', 'smartphone', 'earbuds', 'charger', 'watch', 'Huawei', 'Xiaomi', 'Apple'],
    specs: ['128G', '256G', '黑色', '白色', '蓝色', '标准版', 'Pro'],
    price: [3_900, 899_900],
  },
  beauty: {
    category: 'beauty',
    shop: ['美妆', '化妆品', '香氛馆', '护肤馆'],
    items: ['口红', '面霜', '精华液', '玫瑰香水', '香水', '面膜', '护手霜', '眼影盘', '身体乳'],
    brands: ['兰蔻', '雅诗兰黛', '迪奥', '资生堂', '花西子', '完美日记'],
    latin: ['lipstick', 'perfume', 'cream', 'serum', 'Dior', 'Lancome', 'rose perfume'],
    specs: ['30ml', '50ml', '100ml', '#999', '#520', '套装'],
    price: [4_900, 199_900],
  },
  home: {
    category: 'home',
    shop: ['家居', '生活馆', '杂货铺', '器物'],
    items: [
      '陶瓷茶具',
      '玻璃茶杯',
      '香薰蜡烛',
      '抱枕',
      '保温杯',
      '蚕丝被',
      '餐具套装',
      '马克杯',
      '加湿器',
      '台灯',
      '茶盘',
    ],
    latin: ['mug', 'candle', 'teapot', 'teacup', 'pillow', 'cup', 'tea set'],
    specs: ['一套', '单只', '两只装', '大号', '小号'],
    price: [1_990, 159_900],
  },
  liquor: {
    category: 'liquor',
    shop: ['酒行', '酒庄', '酒铺'],
    items: ['飞天茅台', '五粮液', '干红葡萄酒', '威士忌', '梅子酒', '绍兴黄酒', '清酒', '香槟'],
    latin: ['wine', 'whisky', 'champagne', 'red wine', 'sake'],
    specs: ['500ml', '750ml', '两瓶装', '六瓶整箱'],
    price: [6_800, 399_900],
  },
  books: {
    category: 'books',
    shop: ['文创', '书店', '文具店'],
    items: ['手账本', '钢笔', '书签', '故宫文创', '明信片', '帆布包', '台历', '拼图'],
    latin: ['notebook', 'pen', 'calendar', 'puzzle', 'bookmark'],
    specs: ['A5', 'B6', '一套', '单本'],
    price: [990, 39_900],
  },
  gifts: {
    category: 'food',
    shop: ['礼品店', '礼物铺', '伴手礼', '礼品馆'],
    items: ['生日礼物', '节日礼盒', '定制礼品', '伴手礼盒', '周年纪念礼物', '惊喜盲盒', '新年礼包', '下午茶礼盒'],
    latin: ['gift', 'gift box', 'present', 'surprise box'],
    specs: ['标准款', '豪华款', '定制款'],
    price: [4_900, 69_900],
  },
};
const THEME_NAMES = Object.keys(THEMES);
// Share of shops per theme (tea and flowers are the big ones, as in the demo shop).
const THEME_WEIGHTS = {
  tea: 5,
  flowers: 4,
  food: 3,
  jewellery: 2,
  digital: 2,
  beauty: 2,
  home: 2,
  liquor: 1,
  books: 1,
  gifts: 2,
};
const PLACES = [
  '杭州',
  '西湖',
  '苏州',
  '云南',
  '福建',
  '安溪',
  '武夷山',
  '景德镇',
  '北京',
  '上海',
  '广州',
  '成都',
  '台湾',
  '日本',
  '法国',
  '新疆',
  '宁夏',
  '黄山',
  '南京',
  '厦门',
];
const SHOP_WORDS = [
  '山',
  '云',
  '月',
  '竹',
  '春',
  '福',
  '金',
  '玉',
  '花间',
  '清风',
  '小满',
  '知味',
  '一品',
  '锦绣',
  '悠然',
  '拾光',
];
const ADJECTIVES = [
  '精选',
  '特级',
  '明前',
  '高山',
  '手工',
  '有机',
  '限量',
  '经典',
  '新款',
  '进口',
  '原装',
  '正品',
  '臻品',
  '传统',
  '古法',
  '高端',
  '网红',
  '小众',
  '简约',
  '复古',
];
const OCCASIONS = [
  '送女友',
  '送男友',
  '送妈妈',
  '送长辈',
  '送老师',
  '母亲节',
  '情人节',
  '七夕',
  '中秋',
  '春节',
  '生日',
  '结婚',
  '周年纪念',
  '教师节',
  '圣诞',
];
const PACKAGING = ['礼盒装', '礼品装', '送礼', '包邮', '伴手礼', '精美包装', '附贺卡', '节日礼物'];
const CROSS = ['下午茶', '茶点', '花束', '贺卡', '巧克力', '红酒', '蛋糕', '小礼物', '鲜花'];
const SERVICES = ['顺丰包邮', '七天无理由退换', '假一赔十', '当天发货', '坏单包赔', '支持开发票'];
const LATIN_EXTRA = [
  'gift',
  'limited',
  'premium',
  'handmade',
  'organic',
  'new',
  'classic',
  'for her',
  'for him',
  'box',
];
const LATIN_ADJ = ['fine', 'fresh', 'lovely', 'premium', 'classic', 'handmade', 'elegant'];

// Scenes (shared/src/scenes.ts) with their share of orders; shop_home is public (no follows here).
const PUBLIC_SCENES = ['search', 'moments_ad', 'channels_live', 'channels_video', 'mini_program', 'shop_home'];
const PRIVATE_SCENES = ['official_account', 'chat', 'group_chat', 'wecom', 'parcel_card'];

// ---------------------------------------------------------------------------------------------
// Small helpers

const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
const n0 = (x) => Math.round(x).toLocaleString('en-US');
const ms1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '–');

/** mulberry32: a small seeded generator, so the same --seed gives the same catalogue. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const stats = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), max: s.at(-1) ?? NaN };
};

/** The commit measured (read-only git), flagged when server/, shared/ or migrations/ differ from it. */
function codeVersion() {
  try {
    const git = (...args) => execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const dirty = git('status', '--porcelain', '--', 'server', 'shared', 'migrations') !== '';
    return `\`${git('rev-parse', '--short', 'HEAD')}\`${dirty ? ' with uncommitted changes in server/, shared/ or migrations/' : ''}`;
  } catch {
    return 'unknown (no git)';
  }
}

/** Times one async step and logs it. */
async function step(timings, name, fn) {
  const started = performance.now();
  const result = await fn();
  const ms = performance.now() - started;
  timings.push({ name, ms });
  log(`${name}: ${secs(ms)}`);
  return result;
}

// ---------------------------------------------------------------------------------------------
// CPU accounting from /proc (Linux): was the machine quiet during the timed rounds?

const CLK_TCK = 100; // USER_HZ on Linux

/** utime + stime of a process in clock ticks; with `children`, of its waited-for children instead. */
function procTicks(pid, children = false) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return children ? Number(fields[13]) + Number(fields[14]) : Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/**
 * CPU ticks of the postgres backends of the bench database, by pid, and of the postmaster's ended
 * children: parallel workers live for one query and are only counted there when they exit.
 */
function postgresTicks(benchDb) {
  const out = { backends: new Map(), ended: 0 };
  if (!existsSync('/proc')) return out;
  let postmaster = null;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
      if (!readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(` ${benchDb} `)) continue;
      out.backends.set(entry, procTicks(entry));
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      postmaster ??= stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1];
    } catch {
      // gone
    }
  }
  if (postmaster) out.ended = procTicks(postmaster, true);
  return out;
}

function machineTicks() {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return { total: cpu.slice(0, 8).reduce((a, b) => a + b, 0), idle: cpu[3] + cpu[4] };
  } catch {
    return { total: 0, idle: 0 };
  }
}

function cpuSnapshot(serverPid, benchDb) {
  return {
    at: performance.now(),
    machine: machineTicks(),
    server: procTicks(serverPid),
    postgres: postgresTicks(benchDb),
    client: process.cpuUsage(),
    load: os.loadavg()[0],
  };
}

/** cpu-seconds used between two snapshots: server, bench backends, this script, and the rest. */
function cpuDelta(a, b) {
  let pgTicks = 0;
  for (const [pid, ticks] of b.postgres.backends) pgTicks += ticks - (a.postgres.backends.get(pid) ?? 0);
  const wall = (b.at - a.at) / 1000;
  const total = b.machine.total - a.machine.total;
  const busy = total - (b.machine.idle - a.machine.idle);
  const cores = os.availableParallelism();
  const busySec = total > 0 ? (busy / total) * wall * cores : NaN;
  const clientUs = process.cpuUsage(a.client);
  const used = {
    server: (b.server - a.server) / CLK_TCK,
    postgres: pgTicks / CLK_TCK,
    postgresEnded: (b.postgres.ended - a.postgres.ended) / CLK_TCK,
    client: (clientUs.user + clientUs.system) / 1e6,
  };
  return {
    wall,
    cores,
    busyPct: total > 0 ? (100 * busy) / total : NaN,
    ...used,
    other: Math.max(0, busySec - used.server - used.postgres - used.postgresEnded - used.client),
    load: [a.load, b.load],
  };
}

// ---------------------------------------------------------------------------------------------
// Server process

const { state, stopServer, cleanup } = benchLifecycle(KEEP_DB);
const databaseUrl = (name) => databaseUrlOn(ADMIN_URL, name);

function startServer(port, dbUrl) {
  const child = spawnServer({
    entry: SERVER_ENTRY,
    cwd: REPO_ROOT,
    logLines: state.serverLog,
    env: {
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: dbUrl,
      JWT_SECRET: randomBytes(30).toString('hex'),
      PAYMENT_NOTIFY_SECRET: randomBytes(16).toString('hex'),
      SEED_DEMO: '0',
      LOG_LEVEL: 'warn',
      JOBS_POLL_MS: '0',
      RATE_LIMITS: 'off', // the load comes from one address and a few users
      WEB_CONCURRENCY: '1', // its CPU accounting reads one server process
    },
  });
  state.server = child;
  return child;
}

// ---------------------------------------------------------------------------------------------
// Data generation

/** Shops with their theme and owner; sizes skewed (a few big shops, many small ones). */
function makeShops(rand) {
  const totalWeight = Object.values(THEME_WEIGHTS).reduce((a, b) => a + b, 0);
  const pickTheme = () => {
    let x = rand() * totalWeight;
    for (const t of THEME_NAMES) if ((x -= THEME_WEIGHTS[t]) < 0) return t;
    return THEME_NAMES[0];
  };
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const shops = [];
  for (let i = 0; i < SHOPS; i++) {
    const theme = pickTheme();
    let name = `${pick(PLACES)}${pick(SHOP_WORDS)}${pick(THEMES[theme].shop)}`;
    if (i === 7)
      name = '梅家坞茶农合作社'; // the shop-name query; its theme is forced to tea below
    else if (rand() < 0.15) name += ` ${pick(['Studio', 'Gift', 'Home', 'Select', 'Lab'])}`;
    shops.push({
      id: randomUUID(),
      ownerId: randomUUID(),
      owner: `bench_owner_${i}`,
      name,
      theme: i === 7 ? 'tea' : theme,
      weight: 1 / (i + 8), // Zipf-like share of the catalogue
    });
  }
  const sum = shops.reduce((a, s) => a + s.weight, 0);
  // Shuffle the weights so the big shops are of any theme (shop 7 keeps a mid-sized share).
  for (let i = shops.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    if (i === 7 || j === 7) continue;
    [shops[i].weight, shops[j].weight] = [shops[j].weight, shops[i].weight];
  }
  let cum = 0;
  for (const s of shops) s.cum = cum += s.weight / sum;
  return shops;
}

/** One product: title, description, category, SKUs; from its shop's theme (80%) or any other. */
function makeProduct(rand, shop) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const chance = (p) => rand() < p;
  const themeName = chance(0.8) ? shop.theme : pick(THEME_NAMES);
  const theme = THEMES[themeName];
  const item = pick(theme.items);
  const parts = [];
  if (theme.brands && chance(0.7)) parts.push(pick(theme.brands));
  if (chance(0.45)) parts.push(pick(PLACES));
  if (chance(0.6)) parts.push(pick(ADJECTIVES));
  parts.push(item);
  if (chance(0.35)) parts.push(pick(ADJECTIVES));
  if (chance(0.4)) parts.push(pick(PACKAGING));
  if (chance(0.2)) parts.push(pick(OCCASIONS));
  if (chance(0.35)) parts.push(pick(theme.latin));
  if (chance(0.12)) parts.push(pick(LATIN_EXTRA));
  parts.push(pick(theme.specs));
  const title = parts.join(' ');

  const sentences = [
    `${chance(0.5) ? pick(PLACES) : ''}${item}，${pick(ADJECTIVES)}${pick(ADJECTIVES)}，${pick(OCCASIONS)}${pick(PACKAGING)}。`,
  ];
  if (chance(0.6)) sentences.push(`适合${pick(OCCASIONS)}、${pick(OCCASIONS)}，配上${pick(CROSS)}更有心意。`);
  if (chance(0.5)) sentences.push(`${shop.name}出品，${pick(theme.items)}同款，${pick(SERVICES)}。`);
  if (chance(0.4)) {
    sentences.push(
      `A ${pick(LATIN_ADJ)} ${pick(theme.latin)}${chance(0.5) ? ` ${pick(LATIN_EXTRA)}` : ''}, ${pick(['a perfect gift', 'ships in a gift box', 'for every day', 'made with care'])}.`,
    );
  }
  if (chance(0.3)) sentences.push(`${pick(SERVICES)}，${pick(SERVICES)}。`);
  const description = sentences.join('');

  const [lo, hi] = theme.price;
  const base = Math.round((lo + (hi - lo) * rand() ** 2.5) / 10) * 10; // most items cheap, some dear
  const skuCount = 1 + Math.floor(rand() * 3);
  const skus = [];
  for (let k = 0; k < skuCount; k++) {
    const price = Math.round((base * (1 + 0.35 * k)) / 10) * 10;
    skus.push({
      specs: JSON.stringify({ 规格: theme.specs[(k + Math.floor(rand() * theme.specs.length)) % theme.specs.length] }),
      price,
      list: Math.round((price * (1 + rand() * 0.5)) / 10) * 10,
      stock: 50 + Math.floor(rand() * 2000),
    });
  }
  return { title, description, category: theme.category, skus };
}

/** Secondary (non-unique) indexes and foreign keys of `tables`, as SQL definitions. */
async function schemaOf(db, tables) {
  const indexes = (
    await db.query(
      `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS def
         FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
        WHERE i.indrelid = ANY($1::regclass[]) AND NOT i.indisprimary AND NOT i.indisunique
        ORDER BY c.relname`,
      [tables],
    )
  ).rows;
  const fks = (
    await db.query(
      `SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def
         FROM pg_constraint WHERE contype = 'f' AND conrelid = ANY($1::regclass[])
        ORDER BY conname`,
      [tables],
    )
  ).rows;
  return { indexes, fks };
}

async function generate(db, shared, timings) {
  const rand = rng(SEED);
  const now = new Date();
  const q = (sql, params) => db.query(sql, params);

  const shops = makeShops(rand);
  await step(timings, `users (${n0(SHOPS)} owners + ${n0(BUYERS)} buyers) and ${n0(SHOPS)} shops`, async () => {
    await q(
      `INSERT INTO users (id, open_id, nickname, created_at)
       SELECT id, open_id, open_id, $3::timestamptz FROM unnest($1::uuid[], $2::text[]) AS u(id, open_id)`,
      [shops.map((s) => s.ownerId), shops.map((s) => s.owner), now],
    );
    await q(
      `INSERT INTO users (open_id, nickname, created_at)
       SELECT 'bench_buyer_' || g, '买家' || g, $2::timestamptz - g * interval '1 minute' FROM generate_series(0, $1 - 1) g`,
      [BUYERS, now],
    );
    await q(
      `INSERT INTO shops (id, owner_id, name, opened_at)
       SELECT id, owner_id, name, $4::timestamptz - interval '400 days'
         FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS s(id, owner_id, name)`,
      [shops.map((s) => s.id), shops.map((s) => s.ownerId), shops.map((s) => s.name), now],
    );
  });

  // Products and SKUs, PRODUCT_BATCH rows per INSERT … SELECT FROM unnest(…).
  let jsMs = 0;
  let skuRows = 0;
  let vectorChars = 0;
  await step(timings, `${n0(PRODUCTS)} products with search vectors, and their SKUs`, async () => {
    for (let start = 0; start < PRODUCTS; start += PRODUCT_BATCH) {
      const t0 = performance.now();
      const p = { id: [], shop: [], title: [], description: [], category: [], status: [], created: [], vector: [] };
      const s = { product: [], specs: [], price: [], list: [], stock: [], position: [] };
      for (let i = start; i < Math.min(PRODUCTS, start + PRODUCT_BATCH); i++) {
        const x = rand();
        const shop = shops.find((sh) => sh.cum >= x) ?? shops.at(-1);
        const prod = makeProduct(rand, shop);
        const id = randomUUID();
        const vector = shared.toTsvectorLiteral([
          { text: prod.title, weight: 'A' },
          { text: shop.name, weight: 'B' },
          { text: prod.description, weight: 'C' },
        ]);
        vectorChars += vector.length;
        p.id.push(id);
        p.shop.push(shop.id);
        p.title.push(prod.title);
        p.description.push(prod.description);
        p.category.push(prod.category);
        p.status.push(rand() < 0.05 ? 'delisted' : 'listed');
        p.created.push(new Date(now.getTime() - rand() * 180 * 86_400_000).toISOString());
        p.vector.push(vector);
        prod.skus.forEach((sku, k) => {
          s.product.push(id);
          s.specs.push(sku.specs);
          s.price.push(sku.price);
          s.list.push(sku.list);
          s.stock.push(sku.stock);
          s.position.push(k);
        });
      }
      jsMs += performance.now() - t0;
      await q(
        `INSERT INTO products (id, shop_id, title, description, category_code, status, created_at, updated_at, search_vector)
         SELECT id, shop_id, title, description, category_code, status, created_at, created_at, vector::tsvector
           FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::text[])
             AS p(id, shop_id, title, description, category_code, status, created_at, vector)`,
        [p.id, p.shop, p.title, p.description, p.category, p.status, p.created, p.vector],
      );
      await q(
        `INSERT INTO skus (product_id, specs, price_fen, list_price_fen, stock, position)
         SELECT product_id, specs::jsonb, price_fen, list_price_fen, stock, position
           FROM unnest($1::uuid[], $2::text[], $3::int[], $4::int[], $5::int[], $6::int[])
             AS s(product_id, specs, price_fen, list_price_fen, stock, position)`,
        [s.product, s.specs, s.price, s.list, s.stock, s.position],
      );
      skuRows += s.product.length;
    }
  });
  log(
    `  ${n0(skuRows)} SKUs; JS (titles, descriptions, toTsvectorLiteral) ${secs(jsMs)}; ` +
      `mean vector literal ${n0(vectorChars / PRODUCTS)} characters`,
  );

  // Orders: staged in a temporary table (one row per order, all its random draws), then copied
  // into orders and order_items in chunks. Popularity is skewed: product rank = N × u³, over a
  // random permutation of the products, so the top 1% of products take ~21% of the orders.
  await step(timings, 'order staging (temporary tables)', async () => {
    await q(`CREATE TEMP TABLE bench_pick AS
             SELECT (row_number() OVER (ORDER BY md5(p.id::text)) - 1)::int AS n, p.id AS product_id, p.shop_id,
                    p.title, (SELECT count(*) FROM skus s WHERE s.product_id = p.id)::int AS sku_count
               FROM products p`);
    await q('ALTER TABLE bench_pick ADD PRIMARY KEY (n)');
    await q(`CREATE TEMP TABLE bench_buyer AS
             SELECT (row_number() OVER (ORDER BY open_id) - 1)::int AS n, id FROM users WHERE open_id LIKE 'bench_buyer_%'`);
    await q('ALTER TABLE bench_buyer ADD PRIMARY KEY (n)');
    await q('SELECT setseed($1)', [(SEED % 1000) / 1000]);
    await q(
      `CREATE TEMP TABLE bench_stage AS
       WITH r AS (
         SELECT g, floor($2::int * power(random(), 3))::int AS pn, floor($3::int * power(random(), 1.5))::int AS bn,
                random() AS u_status, random() AS u_scene, random() AS u_sku, random() AS u_qty,
                $1::timestamptz - random() * interval '30 days' AS created_at,
                random() * interval '5 minutes' AS pay_delay,
                interval '6 hours' + random() * interval '42 hours' AS ship_delay,
                interval '1 day' + random() * interval '3 days' AS deliver_delay,
                random() * interval '3 days' AS refund_delay
           FROM generate_series(1, $4::int) g
       ), t AS (
         SELECT r.*,
                CASE WHEN u_status < 0.03 THEN NULL ELSE LEAST($1::timestamptz, created_at + pay_delay) END AS paid_at
           FROM r
       )
       SELECT t.g, gen_random_uuid() AS id, b.id AS buyer_id, p.shop_id, p.product_id, p.title, s.id AS sku_id,
              s.specs, s.price_fen, (CASE WHEN u_qty < 0.8 THEN 1 WHEN u_qty < 0.95 THEN 2 ELSE 3 END) AS quantity,
              CASE WHEN u_scene < 0.6 THEN ($5::text[])[1 + floor(u_scene / 0.6 * $6::int)::int]
                   ELSE ($7::text[])[1 + floor((u_scene - 0.6) / 0.4 * $8::int)::int] END AS scene,
              CASE WHEN u_scene < 0.6 THEN 'public' ELSE 'private' END AS domain,
              t.created_at, t.paid_at,
              CASE WHEN t.paid_at IS NULL AND t.created_at <= $1::timestamptz - interval '15 minutes'
                   THEN t.created_at + interval '15 minutes' END AS cancelled_at,
              CASE WHEN u_status >= 0.03 AND u_status < 0.08
                   THEN LEAST($1::timestamptz, t.paid_at + refund_delay) END AS refunded_at,
              t.paid_at + ship_delay AS shipped_at,
              t.paid_at + ship_delay + deliver_delay AS delivered_at,
              t.paid_at + ship_delay + deliver_delay + interval '7 days' AS completed_at
         FROM t
         JOIN bench_pick p ON p.n = t.pn
         JOIN skus s ON s.product_id = p.product_id AND s.position = floor(t.u_sku * p.sku_count)::int
         JOIN bench_buyer b ON b.n = t.bn`,
      [now, PRODUCTS, BUYERS, ORDERS, PUBLIC_SCENES, PUBLIC_SCENES.length, PRIVATE_SCENES, PRIVATE_SCENES.length],
    );
  });

  // Bulk load: the secondary indexes and foreign keys of orders and order_items are dropped for
  // the load and put back afterwards from their own definitions (checked to be identical).
  const loadTables = ['orders', 'order_items'];
  const saved = await step(timings, 'drop secondary indexes and foreign keys of orders, order_items', async () => {
    const defs = await schemaOf(db, loadTables);
    for (const f of defs.fks) await q(`ALTER TABLE ${f.tbl} DROP CONSTRAINT ${f.name}`);
    for (const i of defs.indexes) await q(`DROP INDEX ${i.name}`);
    return defs;
  });

  await step(timings, `${n0(ORDERS)} orders`, async () => {
    for (let lo = 1; lo <= ORDERS; lo += ORDER_CHUNK) {
      // Status follows the timeline: refunded (5%, before shipment) and cancelled (3%) aside, an
      // order is at the last stage whose time has come.
      await q(
        `INSERT INTO orders (id, kind, buyer_id, shop_id, status, scene, domain, address, goods_fen, freight_fen,
                             total_fen, created_at, paid_at, completed_at, cancelled_at, refunded_at)
         SELECT id, 'normal', buyer_id, shop_id,
                CASE WHEN paid_at IS NULL THEN (CASE WHEN cancelled_at IS NULL THEN 'pending_payment' ELSE 'cancelled' END)
                     WHEN refunded_at IS NOT NULL THEN 'refunded'
                     WHEN completed_at <= $3 THEN 'completed'
                     WHEN delivered_at <= $3 THEN 'delivered'
                     WHEN shipped_at <= $3 THEN 'shipped'
                     ELSE 'paid' END,
                scene, domain, '{"name":"买家","phone":"13800000000","region":"上海市 浦东新区","detail":"压测路 1 号"}',
                goods, freight, goods + freight, created_at, paid_at,
                CASE WHEN refunded_at IS NULL AND completed_at <= $3 THEN completed_at END,
                cancelled_at, refunded_at
           FROM (SELECT st.*, st.price_fen * st.quantity AS goods,
                        CASE WHEN st.price_fen * st.quantity >= 9900 THEN 0 ELSE 1000 END AS freight
                   FROM bench_stage st WHERE st.g >= $1 AND st.g < $2) x`,
        [lo, lo + ORDER_CHUNK, now],
      );
    }
  });
  await step(timings, `${n0(ORDERS)} order items`, async () => {
    for (let lo = 1; lo <= ORDERS; lo += ORDER_CHUNK) {
      await q(
        `INSERT INTO order_items (order_id, sku_id, product_id, title, specs, unit_price_fen, quantity, paid_fen)
         SELECT id, sku_id, product_id, title, specs, price_fen, quantity, price_fen * quantity
           FROM bench_stage WHERE g >= $1 AND g < $2`,
        [lo, lo + ORDER_CHUNK],
      );
    }
  });

  await step(timings, `recreate ${saved.indexes.length} indexes and ${saved.fks.length} foreign keys`, async () => {
    for (const i of saved.indexes) await q(i.def);
    for (const f of saved.fks) await q(`ALTER TABLE ${f.tbl} ADD CONSTRAINT ${f.name} ${f.def}`);
    const after = await schemaOf(db, loadTables);
    if (JSON.stringify(after) !== JSON.stringify(saved)) {
      throw new Error(
        `the schema of ${loadTables.join(', ')} changed over the load: ${JSON.stringify({ saved, after })}`,
      );
    }
  });

  // The signals as SearchSignalsService would have left them: a paid order counts unless the
  // buyer owns the shop or it is past the buyer's third paid order at that shop that day (UTC+8;
  // a refunded order keeps its place in the cap); a refund takes back everything its order
  // added. So each signal = Σ over counted, unrefunded orders of value × 0.5^(age / half-life),
  // stored as of `now` (ref_at = now); `orders` is their plain count.
  const { halfLifeMs, dailyCapPerShop, dayOffsetMs } = shared.SEARCH_RANKING;
  await step(timings, 'search signals (product_search_signals, shop_search_signals)', async () => {
    await q(
      `CREATE TEMP TABLE bench_counted AS
       SELECT id, shop_id, domain, goods_fen,
              power(0.5, GREATEST(0, extract(epoch FROM ($1::timestamptz - paid_at)) * 1000) / $2::float8) AS w
         FROM (SELECT o.id, o.shop_id, o.domain, o.goods_fen, o.paid_at, o.status,
                      row_number() OVER (PARTITION BY o.shop_id, o.buyer_id,
                                         ((o.paid_at AT TIME ZONE 'UTC') + $3::float8 * interval '1 millisecond')::date
                                         ORDER BY o.paid_at, o.id) AS nth
                 FROM orders o JOIN shops s ON s.id = o.shop_id
                WHERE o.paid_at IS NOT NULL AND o.buyer_id <> s.owner_id) c
        WHERE nth <= $4 AND status <> 'refunded'`,
      [now, halfLifeMs, dayOffsetMs, dailyCapPerShop],
    );
    await q('SELECT setseed($1)', [((SEED + 1) % 1000) / 1000]);
    // Views: a multiple of the product's counted orders (conversion 2–12%), plus some browsing
    // of products nobody bought.
    await q(
      `INSERT INTO product_search_signals
         (product_id, private_orders, private_gmv_yuan, public_orders, public_gmv_yuan, ref_at, orders, views)
       SELECT p.id,
              COALESCE(x.private_orders, 0), COALESCE(x.private_gmv_yuan, 0),
              COALESCE(x.public_orders, 0), COALESCE(x.public_gmv_yuan, 0), $1,
              COALESCE(x.orders, 0),
              COALESCE(x.orders, 0) * (8 + floor(random() * 42))::int + floor(random() * 200)::int
         FROM products p
         LEFT JOIN (
           SELECT i.product_id,
                  sum(c.w) FILTER (WHERE c.domain = 'private') AS private_orders,
                  sum(c.w * i.gmv_fen / 100.0) FILTER (WHERE c.domain = 'private') AS private_gmv_yuan,
                  sum(c.w) FILTER (WHERE c.domain = 'public') AS public_orders,
                  sum(c.w * i.gmv_fen / 100.0) FILTER (WHERE c.domain = 'public') AS public_gmv_yuan,
                  count(*)::int AS orders
             FROM bench_counted c
             JOIN (SELECT order_id, product_id, sum(unit_price_fen * quantity) AS gmv_fen
                     FROM order_items GROUP BY order_id, product_id) i ON i.order_id = c.id
            GROUP BY i.product_id
         ) x ON x.product_id = p.id
        WHERE x.product_id IS NOT NULL OR random() < 0.6`,
      [now],
    );
    await q(
      `INSERT INTO shop_search_signals (shop_id, private_orders, private_gmv_yuan, public_orders, public_gmv_yuan, ref_at)
       SELECT shop_id,
              COALESCE(sum(w) FILTER (WHERE domain = 'private'), 0),
              COALESCE(sum(w * goods_fen / 100.0) FILTER (WHERE domain = 'private'), 0),
              COALESCE(sum(w) FILTER (WHERE domain = 'public'), 0),
              COALESCE(sum(w * goods_fen / 100.0) FILTER (WHERE domain = 'public'), 0),
              $1
         FROM bench_counted GROUP BY shop_id`,
      [now],
    );
  });
  // The tiers the roll-up keeps from the signals (SearchSignalsService), with the server's own SQL.
  // The search index is rebuilt rather than updated row by row, and the table rewritten.
  await step(
    timings,
    'products.search_tier from the signals (index dropped, table rewritten, index rebuilt)',
    async () => {
      const require = createRequire(import.meta.url);
      const { retierSql } = require(RANKING_SQL);
      const [{ def }] = (await q(`SELECT pg_get_indexdef('products_search_idx'::regclass) AS def`)).rows;
      await q('DROP INDEX products_search_idx');
      await q(retierSql('true'));
      await q('VACUUM FULL products');
      await q(def);
    },
  );
  await step(timings, 'VACUUM ANALYZE', async () => {
    await q('DROP TABLE bench_stage, bench_pick, bench_buyer, bench_counted');
    await q('VACUUM ANALYZE');
  });

  const [counts] = (
    await q(`SELECT
       (SELECT count(*)::int FROM users) AS users,
       (SELECT count(*)::int FROM shops) AS shops,
       (SELECT count(*)::int FROM products) AS products,
       (SELECT count(*)::int FROM products WHERE status = 'listed') AS listed,
       (SELECT count(*)::int FROM skus) AS skus,
       (SELECT count(*)::int FROM orders) AS orders,
       (SELECT count(*)::int FROM order_items) AS items,
       (SELECT count(*)::int FROM orders WHERE status = 'refunded') AS refunded,
       (SELECT count(*)::int FROM orders WHERE paid_at IS NULL) AS unpaid,
       (SELECT count(*)::int FROM orders WHERE domain = 'private') AS private,
       (SELECT count(*)::int FROM product_search_signals) AS product_signals,
       (SELECT sum(orders)::int FROM product_search_signals) AS counted,
       (SELECT max(orders)::int FROM product_search_signals) AS top_product_orders,
       (SELECT count(*)::int FROM shop_search_signals) AS shop_signals,
       pg_size_pretty(pg_database_size(current_database())) AS db_size,
       pg_size_pretty(pg_total_relation_size('products')) AS products_size,
       pg_size_pretty(pg_relation_size('products_search_idx')) AS search_idx_size`)
  ).rows;
  return counts;
}

// ---------------------------------------------------------------------------------------------
// The exact SQL the server runs: SearchService from server/dist on a DataSource stand-in that
// sends each statement straight to PostgreSQL (one connection, no HTTP, no Nest) and records it.

function directSearch(client) {
  const require = createRequire(import.meta.url);
  createRequire(SEARCH_SERVICE)('reflect-metadata');
  const { SearchService } = require(SEARCH_SERVICE);
  let recorded = [];
  const run = async (sql, params) => {
    const started = performance.now();
    const rows = (await client.query(sql, params)).rows;
    recorded.push({ sql, params, ms: performance.now() - started });
    return rows;
  };
  const db = {
    query: run,
    transaction: async (level, work) => {
      await client.query(`BEGIN ISOLATION LEVEL ${level}`);
      try {
        const out = await work({ query: run });
        await client.query('COMMIT');
        return out;
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      }
    },
  };
  const clock = { now: () => new Date() };
  // No signal events wait in the bench database: nothing to roll up.
  const signals = { catchUp: async () => {} };
  // No replica: the reads that may lag run on the stand-in, as LaggingReads runs them on the primary.
  const laggingReads = { read: (work) => work(db) };
  const service = new SearchService(clock, signals, laggingReads);
  return async (x) => {
    recorded = [];
    await service.search(x.q, x.limit ?? 20, x.offset ?? 0);
    return recorded;
  };
}

// ---------------------------------------------------------------------------------------------
// The run

async function timedQuery(port, x) {
  const started = performance.now();
  const res = await fetch(`http://${HOST}:${port}${searchPath(x)}`);
  const text = await res.text();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`GET ${searchPath(x)} -> ${res.status}: ${text.slice(0, 300)}`);
  const body = JSON.parse(text);
  return { ms, total: body.total, items: body.items.length, top: body.items[0]?.title };
}

async function main() {
  const runStarted = performance.now();
  if (!existsSync(SHARED_ENTRY) || !existsSync(SEARCH_SERVICE)) {
    throw new Error('shared/dist or server/dist is missing: run npm run build:server first');
  }
  const require = createRequire(import.meta.url);
  const shared = require(SHARED_ENTRY);
  log(
    `search bench: ${n0(PRODUCTS)} products, ${n0(ORDERS)} orders, ${n0(SHOPS)} shops, ${n0(BUYERS)} buyers; ` +
      `${QUERIES.length} queries × ${ROUNDS} rounds (after ${WARMUP} warm-up rounds)`,
  );

  state.admin = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await state.admin.connect();
  } catch (err) {
    throw new Error(`cannot reach PostgreSQL at ${ADMIN_URL} (run bash scripts/postgres.sh): ${err.message}`);
  }
  const settings = Object.fromEntries(
    (
      await state.admin.query(
        `SELECT name, current_setting(name) AS setting FROM pg_settings
          WHERE name IN ('server_version', 'shared_buffers', 'work_mem', 'jit', 'max_parallel_workers_per_gather',
                         'effective_cache_size', 'random_page_cost')`,
      )
    ).rows.map((r) => [r.name, r.setting]),
  );
  state.benchDb = `giftshop_bench_${randomBytes(4).toString('hex')}`;
  await state.admin.query(`CREATE DATABASE ${state.benchDb}`);
  log(`created database ${state.benchDb} on PostgreSQL ${settings.server_version}`);
  const timings = [];

  // 1. The schema: the server migrates an empty database at start-up.
  const migrationTimings = [];
  await step(migrationTimings, 'migrations (built server started once, then stopped)', async () => {
    const port = await freePort();
    const child = startServer(port, databaseUrl(state.benchDb));
    await waitForHealth(port, child, SERVER_START_TIMEOUT_MS);
    await stopServer();
  });

  // 2. The data.
  const db = new pg.Client({ connectionString: databaseUrl(state.benchDb) });
  await db.connect();
  let counts;
  const genStarted = performance.now();
  try {
    counts = await generate(db, shared, timings);
  } finally {
    await db.end().catch(() => {});
  }
  const genMs = performance.now() - genStarted;
  log(`generation total: ${secs(genMs)}; ${JSON.stringify(counts)}`);

  // 3. The measurement: the built server, one request at a time.
  const port = await freePort();
  const child = startServer(port, databaseUrl(state.benchDb));
  const health = await waitForHealth(port, child, SERVER_START_TIMEOUT_MS);
  log(`server pid ${child.pid} on ${HOST}:${port} (${health.database ?? ''} ${health.version ?? ''})`);

  const totals = new Map();
  const tops = new Map();
  const inconsistent = [];
  const record = (x, r) => {
    const key = label(x);
    if (!totals.has(key)) {
      totals.set(key, r.total);
      tops.set(key, r.top);
    } else if (totals.get(key) !== r.total) inconsistent.push(`${key}: ${totals.get(key)} then ${r.total}`);
  };
  const warmStarted = performance.now();
  for (let w = 0; w < WARMUP; w++) for (const x of QUERIES) record(x, await timedQuery(port, x));
  log(`warm-up: ${WARMUP} rounds in ${secs(performance.now() - warmStarted)}`);

  const latencies = new Map(QUERIES.map((x) => [label(x), []]));
  const order = rng(SEED + 7);
  const measureStarted = performance.now();
  const cpuBefore = cpuSnapshot(child.pid, state.benchDb);
  for (let round = 0; round < ROUNDS; round++) {
    // Each round in its own (seeded) order, so no query always follows the same one.
    const shuffled = [...QUERIES];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(order() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    for (const x of shuffled) {
      const r = await timedQuery(port, x);
      record(x, r);
      latencies.get(label(x)).push(r.ms);
    }
  }
  const cpu = cpuDelta(cpuBefore, cpuSnapshot(child.pid, state.benchDb));
  const measureMs = performance.now() - measureStarted;
  log(`measured: ${ROUNDS} rounds × ${QUERIES.length} queries in ${secs(measureMs)}`);

  // 4. The same SQL straight to PostgreSQL (no HTTP, no Nest): how much of the time is the query.
  const bench = new pg.Client({ connectionString: databaseUrl(state.benchDb) });
  await bench.connect();
  const direct = directSearch(bench);
  const sqlLatencies = new Map(QUERIES.map((x) => [label(x), []]));
  let plan = null;
  let heaviest = null;
  let sqlCpu = null;
  try {
    if (SQL_ROUNDS > 0) {
      const before = cpuSnapshot(child.pid, state.benchDb);
      for (let round = 0; round < SQL_ROUNDS + 1; round++) {
        for (const x of QUERIES) {
          const started = performance.now();
          await direct(x);
          if (round > 0) sqlLatencies.get(label(x)).push(performance.now() - started); // round 0 warms
        }
      }
      sqlCpu = cpuDelta(before, cpuSnapshot(child.pid, state.benchDb));
    }
    // 5. EXPLAIN ANALYZE of the heaviest query (highest HTTP p50).
    heaviest = QUERIES.map((x) => ({ x, ...stats(latencies.get(label(x))) })).sort((a, b) => b.p50 - a.p50)[0].x;
    // Of its statements, the slowest (the search runs several: bound, tiers of matches, count).
    const { sql, params } = (await direct(heaviest)).sort((a, b) => b.ms - a.ms)[0];
    plan = (await bench.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params)).rows.map((r) => r['QUERY PLAN']);
  } finally {
    await bench.end().catch(() => {});
  }
  await stopServer();

  // 6. Report.
  const all = [...latencies.values()].flat();
  const overall = stats(all);
  const met = overall.p95 < TARGET_P95_MS;
  const perQuery = QUERIES.map((x) => ({
    x,
    key: label(x),
    total: totals.get(label(x)),
    top: tops.get(label(x)),
    ...stats(latencies.get(label(x))),
    sqlP50: stats(sqlLatencies.get(label(x))).p50,
  }));
  const perClass = CLASSES.map((cls) => ({
    cls,
    ...stats(QUERIES.filter((x) => x.cls === cls).flatMap((x) => latencies.get(label(x)))),
  }));
  const planSummary = plan.filter((l) =>
    /^(Planning Time|Execution Time|JIT:|\s+Functions:|\s+Timing:)|Bitmap Index Scan|Bitmap Heap Scan|Sort Method|Hash Join|Seq Scan|WindowAgg|Index Scan/.test(
      l,
    ),
  );
  const pgVersion = settings.server_version;
  const code = codeVersion();
  const share = (x) => `${x.toFixed(1)} cpu-s (${((100 * x) / (cpu.wall * cpu.cores)).toFixed(0)}%)`;
  const otherLine = (c) =>
    c
      ? `machine ${c.busyPct.toFixed(0)}% busy, everything else ${share(c.other)} (of ${c.wall.toFixed(0)} s)`
      : 'skipped';
  const cpuLine =
    `over the timed rounds (${cpu.cores} cores × ${cpu.wall.toFixed(0)} s): machine ${cpu.busyPct.toFixed(0)}% busy; ` +
    `server ${share(cpu.server)}, postgres backends (bench db) ${share(cpu.postgres)}, ` +
    `ended postgres processes (parallel workers; also other sessions' backends) ${share(cpu.postgresEnded)}, ` +
    `bench client ${share(cpu.client)}, ` +
    `everything else ${share(cpu.other)}; load average ${cpu.load.map((x) => x.toFixed(1)).join(' -> ')}`;
  const cpuModel = os.cpus()[0]?.model?.trim() ?? 'unknown CPU';
  const memGiB = (os.totalmem() / 2 ** 30).toFixed(0);

  const lines = [
    '',
    '================ search bench result ================',
    `code         ${code}`,
    `machine      ${os.availableParallelism()} cores (${cpuModel}), ${memGiB} GiB, node ${process.version}, PostgreSQL ${pgVersion}`,
    `postgres     shared_buffers ${settings.shared_buffers}, work_mem ${settings.work_mem}, jit ${settings.jit}, ` +
      `max_parallel_workers_per_gather ${settings.max_parallel_workers_per_gather}`,
    `data         ${JSON.stringify(counts)}`,
    `generation   ${secs(genMs)}: ${timings.map((t) => `${t.name} ${secs(t.ms)}`).join('; ')}`,
    `measured     ${ROUNDS} rounds × ${QUERIES.length} queries, sequential, HTTP round trip (fetch, keep-alive), ` +
      `${secs(measureMs)}`,
    `cpu          ${cpuLine}`,
    `cpu (SQL)    during the SQL-only rounds: ${otherLine(sqlCpu)}`,
    '',
    'query                               total    p50 ms   p95 ms   max ms   SQL p50 ms   top hit',
    ...perQuery.map(
      (r) =>
        `${r.key.padEnd(30)} ${String(r.total).padStart(9)} ${ms1(r.p50).padStart(9)} ${ms1(r.p95).padStart(8)} ` +
        `${ms1(r.max).padStart(8)} ${ms1(r.sqlP50).padStart(12)}   ${(r.top ?? '').slice(0, 40)}`,
    ),
    '',
    ...perClass.map(
      (c) => `${c.cls.padEnd(14)} p50 ${ms1(c.p50)} ms, p95 ${ms1(c.p95)} ms, max ${ms1(c.max)} ms (${c.n} requests)`,
    ),
    `overall        p50 ${ms1(overall.p50)} ms, p95 ${ms1(overall.p95)} ms, max ${ms1(overall.max)} ms (${overall.n} requests)`,
    `target         p95 < ${TARGET_P95_MS} ms: ${met ? 'MET' : 'NOT MET'}`,
    inconsistent.length
      ? `INCONSISTENT totals: ${inconsistent.slice(0, 5).join('; ')}`
      : 'totals       the same in every round',
    '',
    `EXPLAIN (ANALYZE, BUFFERS) of the heaviest query, ${label(heaviest)}:`,
    ...plan.map((l) => `  ${l}`),
    `run total      ${secs(performance.now() - runStarted)}`,
    '=====================================================',
  ];
  console.log(lines.join('\n'));

  const md = [
    DOCS_BEGIN,
    '',
    `Run of ${new Date().toISOString().slice(0, 10)}: ${os.availableParallelism()} cores (\`nproc\`), ${cpuModel}, ${memGiB} GiB; ` +
      `Node ${process.version}; PostgreSQL ${pgVersion} (shared_buffers ${settings.shared_buffers}, ` +
      `work_mem ${settings.work_mem}, jit ${settings.jit}); \`--seed=${SEED}\`; code ${code}.`,
    '',
    `Data: ${n0(counts.users)} users, ${n0(counts.shops)} shops, ${n0(counts.products)} products ` +
      `(${n0(counts.listed)} listed), ${n0(counts.skus)} SKUs, ${n0(counts.orders)} orders ` +
      `(${n0(counts.items)} items; ${n0(counts.refunded)} refunded, ${n0(counts.unpaid)} never paid, ` +
      `${n0(counts.private)} private-domain), ${n0(counts.counted)} counted in the signals ` +
      `(top product ${n0(counts.top_product_orders)}); database ${counts.db_size}, products ${counts.products_size}, ` +
      `\`products_search_idx\` ${counts.search_idx_size}.`,
    '',
    `Generation ${secs(genMs)}: ${timings.map((t) => `${t.name} ${secs(t.ms)}`).join('; ')}.`,
    '',
    `${ROUNDS} rounds × ${QUERIES.length} queries, one request at a time (after ${WARMUP} warm-up rounds), ` +
      '`limit=20`; latency = HTTP round trip from Node `fetch`. "SQL p50" = the same statements (SearchService on one connection) sent ' +
      `straight to PostgreSQL (${SQL_ROUNDS} rounds), without HTTP and Nest.`,
    '',
    `CPU ${cpuLine}. During the SQL-only rounds: ${otherLine(sqlCpu)}.`,
    '',
    '| query | class | total | p50 | p95 | max | SQL p50 |',
    '|---|---|--:|--:|--:|--:|--:|',
    ...perQuery.map(
      (r) =>
        `| \`${r.key}\` | ${r.x.cls} | ${n0(r.total)} | ${ms1(r.p50)} ms | ${ms1(r.p95)} ms | ${ms1(r.max)} ms | ${ms1(r.sqlP50)} ms |`,
    ),
    '',
    '| class | p50 | p95 | max |',
    '|---|--:|--:|--:|',
    ...perClass.map((c) => `| ${c.cls} | ${ms1(c.p50)} ms | ${ms1(c.p95)} ms | ${ms1(c.max)} ms |`),
    `| **overall** (${n0(overall.n)} requests) | **${ms1(overall.p50)} ms** | **${ms1(overall.p95)} ms** | ${ms1(overall.max)} ms |`,
    '',
    `**Target p95 < ${TARGET_P95_MS} ms: ${met ? 'met' : 'not met'}.** Heaviest query \`${label(heaviest)}\`: ` +
      planSummary
        .filter((l) => /^(Planning Time|Execution Time)/.test(l))
        .map((l) => l.trim())
        .join(', ') +
      '.',
    '',
    DOCS_END,
  ].join('\n');
  console.log(`\n--- markdown ---\n${md}\n--- end markdown ---`);
  if (WRITE_DOCS) {
    const doc = readFileSync(DOCS, 'utf8');
    const from = doc.indexOf(DOCS_BEGIN);
    const to = doc.indexOf(DOCS_END);
    if (from < 0 || to < from) {
      log(`docs/BENCHMARKS.md has no search-bench markers: not written (paste the block above)`);
    } else {
      writeFileSync(DOCS, doc.slice(0, from) + md + doc.slice(to + DOCS_END.length));
      log('wrote the result block into docs/BENCHMARKS.md');
    }
  }
  console.log(
    `json: ${JSON.stringify({
      products: PRODUCTS,
      orders: ORDERS,
      generationMs: Math.round(genMs),
      p50: +overall.p50.toFixed(1),
      p95: +overall.p95.toFixed(1),
      max: +overall.max.toFixed(1),
      met,
      perQuery: Object.fromEntries(
        perQuery.map((r) => [r.key, { total: r.total, p50: +r.p50.toFixed(1), p95: +r.p95.toFixed(1) }]),
      ),
    })}`,
  );
  return inconsistent.length ? 1 : 0;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (err) {
  if (state.interrupted) await cleanup();
  console.error(`\nsearch bench FAILED: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  if (state.serverLog.length) console.error(`--- last server output ---\n${state.serverLog.slice(-40).join('\n')}`);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(state.interrupted ? 130 : exitCode);
