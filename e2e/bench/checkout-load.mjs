/**
 * The checkout load of checkout.mjs, shared with fleet.mjs: worlds of shops and shoppers made
 * through the API, and shoppers that loop create + pay for a given time. `c` is where the load
 * goes, `{ target, agent }`: a port on 127.0.0.1 or `{ host, port }` (lib.mjs `targetOf`), and the
 * keep-alive agent the requests share.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { HttpError, jsonRequest, mapLimit, sleep } from './lib.mjs';

export const SETUP_CONCURRENCY = 16;
export const HOT_STOCK = 5_000_000;
export const PRICE_FEN = 1990;
const ADDRESS = { name: '秒杀买家', phone: '13800138000', region: '浙江省 杭州市 西湖区', detail: '龙井路 1 号' };

/** The load scenarios: shoppers looping create + pay, on one hot SKU per shop. */
export const SCENARIOS = {
  hot20: { shoppers: 20, shops: 1 },
  hot100: { shoppers: 100, shops: 1 },
  spread100: { shoppers: 100, shops: 100 },
};

export const describeError = (err) =>
  err instanceof HttpError ? `HTTP ${err.status}${err.code ? ` ${err.code}` : ''}` : err.message.slice(0, 80);

const api = (c, method, path, options = {}) => jsonRequest(c.target, method, path, { agent: c.agent, ...options });

/** `shops` merchants with one shop and one product each (one SKU of `stock`), and `shoppers`. */
export async function makeWorld(c, tag, { shops, shoppers, stock }) {
  const skus = await mapLimit(
    Array.from({ length: shops }, (_, i) => i),
    SETUP_CONCURRENCY,
    async (i) => {
      const merchant = await api(c, 'POST', '/api/auth/login', { body: { openId: `o_${tag}_m${i}` } });
      const shop = await api(c, 'POST', '/api/shops', {
        token: merchant.token,
        body: { name: `秒杀店 ${tag} ${i}` },
        expect: 201,
      });
      const product = await api(c, 'POST', `/api/shops/${shop.id}/products`, {
        token: merchant.token,
        body: {
          title: `秒杀爆款 ${tag} ${i}`,
          description: '直播间秒杀',
          categoryCode: 'tea',
          skus: [{ specs: { 规格: '标准' }, priceFen: PRICE_FEN, listPriceFen: PRICE_FEN, stock }],
        },
        expect: 201,
      });
      return product.skus[0].id;
    },
  );
  const buyers = await mapLimit(
    Array.from({ length: shoppers }, (_, i) => i),
    SETUP_CONCURRENCY,
    async (i) => {
      const login = await api(c, 'POST', '/api/auth/login', { body: { openId: `o_${tag}_b${i}` } });
      const address = await api(c, 'POST', '/api/me/addresses', { token: login.token, body: ADDRESS, expect: 201 });
      return { token: login.token, addressId: address.id, skuId: skus[i % skus.length] };
    },
  );
  return { skus, buyers };
}

/** The world of scenario `name` (hot20, hot100, spread100), with a fresh tag: new shops, new shoppers. */
export function makeScenarioWorld(c, name) {
  const { shoppers, shops } = SCENARIOS[name];
  return makeWorld(c, `${name}_${randomBytes(3).toString('hex')}`, { shops, shoppers, stock: HOT_STOCK });
}

/** One checkout: create (with an Idempotency-Key) then pay; the time of both. */
export async function checkout(c, buyer) {
  const t0 = performance.now();
  const order = await api(c, 'POST', '/api/orders', {
    token: buyer.token,
    key: randomUUID(),
    body: { items: [{ skuId: buyer.skuId, quantity: 1 }], addressId: buyer.addressId, scene: 'channels_live' },
    expect: 201,
  });
  const paid = await api(c, 'POST', `/api/orders/${order.id}/pay`, { token: buyer.token, key: randomUUID() });
  if (paid.status !== 'paid') throw new Error(`pay answered status ${paid.status}`);
  return performance.now() - t0;
}

/**
 * Every buyer loops checkouts, one at a time, for `seconds` (each shopper is sequential, so it
 * never holds more than one unpaid order; the cap is 5). A failed checkout is counted by kind and
 * its shopper pauses 50 ms. Returns the latencies (ascending), the errors by kind and the wall time.
 */
export async function shop(c, buyers, seconds) {
  const latencies = [];
  const errors = new Map();
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    buyers.map(async (buyer) => {
      while (performance.now() < until) {
        try {
          latencies.push(await checkout(c, buyer));
        } catch (err) {
          const kind = describeError(err);
          errors.set(kind, (errors.get(kind) ?? 0) + 1);
          await sleep(50);
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { latencies, errors, wall: (performance.now() - started) / 1000 };
}
