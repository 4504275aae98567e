import {
  capLexeme,
  conversionRate,
  decayed,
  indexTokens,
  parseSearchQuery,
  SEARCH_RANKING,
  SEARCH_RULES,
  searchBoost,
  SearchSignals,
  searchScore,
  toTsvectorLiteral,
} from './search';

const none: SearchSignals = {
  productPrivateOrders: 0,
  productPrivateGmvYuan: 0,
  productPublicOrders: 0,
  productPublicGmvYuan: 0,
  shopPrivateOrders: 0,
  shopPrivateGmvYuan: 0,
  shopPublicOrders: 0,
  shopPublicGmvYuan: 0,
  orders: 0,
  views: 0,
};

describe('indexTokens: Chinese as characters and pairs, other text as lowercased words', () => {
  it('splits a Han run into its characters and overlapping pairs', () => {
    expect(indexTokens('茶叶礼盒')).toEqual(['茶', '叶', '礼', '盒', '茶叶', '叶礼', '礼盒']);
  });

  it('keeps Latin words and digits whole and lowercased, and separates them from Chinese', () => {
    expect(indexTokens('Tea礼盒 iPhone15 ¥99')).toEqual(['tea', '礼', '盒', '礼盒', 'iphone15', '99']);
  });

  it('drops punctuation and spaces', () => {
    expect(indexTokens('「明前」龙井，100g!')).toEqual(['明', '前', '明前', '龙', '井', '龙井', '100g']);
  });
});

describe('toTsvectorLiteral', () => {
  it('gives every token its positions with the weight of its field', () => {
    expect(
      toTsvectorLiteral([
        { text: '礼盒', weight: 'A' },
        { text: 'Gift 礼', weight: 'C' },
      ]),
    ).toBe("'礼':1A,5C '盒':2A '礼盒':3A 'gift':4C");
  });

  it('quotes apostrophes and backslashes so the literal cannot be broken out of', () => {
    expect(toTsvectorLiteral([{ text: "Pu'er", weight: 'A' }])).toBe("'pu':1A 'er':2A");
    expect(toTsvectorLiteral([{ text: 'ÉCLAIR', weight: 'B' }])).toBe("'éclair':1B");
  });
});

describe('capLexeme: no lexeme PostgreSQL would call too long', () => {
  const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

  it('keeps a word within the cap as it is', () => {
    expect(capLexeme('iphone15')).toBe('iphone15');
    expect(capLexeme('a'.repeat(SEARCH_RULES.maxLexemeBytes))).toBe('a'.repeat(SEARCH_RULES.maxLexemeBytes));
  });

  it('cuts a 2,000-character Cyrillic word (4,000 bytes) to its first bytes, at a character boundary', () => {
    const word = 'щ'.repeat(2000);
    const capped = capLexeme(word);
    expect(bytes(capped)).toBeLessThanOrEqual(SEARCH_RULES.maxLexemeBytes);
    expect(bytes(capped)).toBeGreaterThan(SEARCH_RULES.maxLexemeBytes - 2);
    expect(word.startsWith(capped)).toBe(true);
    expect(SEARCH_RULES.maxLexemeBytes).toBeLessThan(2047);
  });

  it('never splits a four-byte character (emoji-free letters outside the BMP)', () => {
    const word = '𐐷'.repeat(100); // Deseret, a letter: 4 bytes, 2 UTF-16 units each
    const capped = capLexeme(word);
    expect(bytes(capped) % 4).toBe(0);
    expect(capped).toBe('𐐷'.repeat(Math.floor(SEARCH_RULES.maxLexemeBytes / 4)));
  });

  it('applies to indexed words and to searched words alike', () => {
    const word = 'щ'.repeat(2000);
    expect(indexTokens(word)).toEqual([capLexeme(word)]);
    expect(toTsvectorLiteral([{ text: word, weight: 'C' }])).toBe(`'${capLexeme(word)}':1C`);
  });
});

describe('parseSearchQuery', () => {
  it('asks for a lone Han character as itself and a longer run as its pairs', () => {
    expect(parseSearchQuery('茶')).toEqual({ ok: true, tokens: ['茶'], tsquery: "'茶'" });
    expect(parseSearchQuery(' 龙井茶 ')).toEqual({ ok: true, tokens: ['龙井', '井茶'], tsquery: "'龙井' & '井茶'" });
  });

  it('treats Latin words as prefixes, case-insensitively, and mixes them with Chinese', () => {
    expect(parseSearchQuery('Tea 礼盒')).toEqual({ ok: true, tokens: ['tea', '礼盒'], tsquery: "'tea':* & '礼盒'" });
  });

  it('asks for a repeated part once', () => {
    expect(parseSearchQuery('tea TEA')).toMatchObject({ tokens: ['tea'] });
  });

  it('names the problem of an empty, over-long or unsearchable query', () => {
    expect(parseSearchQuery(undefined)).toEqual({ ok: false, problem: 'q must not be empty' });
    expect(parseSearchQuery('   ')).toEqual({ ok: false, problem: 'q must not be empty' });
    expect(parseSearchQuery('茶'.repeat(50)).ok).toBe(true);
    expect(parseSearchQuery('茶'.repeat(51))).toEqual({ ok: false, problem: 'q must be at most 50 characters' });
    // Counted in code points: 50 emoji are 100 UTF-16 units but 50 characters.
    expect(parseSearchQuery('😀'.repeat(49) + 'a').ok).toBe(true);
    expect(parseSearchQuery('!!! ？？')).toMatchObject({ ok: false, problem: expect.stringContaining('no letters') });
  });
});

describe('the ranking formula', () => {
  it('halves a signal every 7 days and never grows one', () => {
    expect(decayed(8, 0)).toBe(8);
    expect(decayed(8, SEARCH_RANKING.halfLifeMs)).toBeCloseTo(4, 12);
    expect(decayed(8, 2 * SEARCH_RANKING.halfLifeMs)).toBeCloseTo(2, 12);
    expect(decayed(8, -1_000)).toBe(8);
  });

  it('weighs private-domain sales above public-domain ones, the product above its shop', () => {
    const w = SEARCH_RANKING.weights;
    expect(w.productPrivateOrders).toBeGreaterThan(w.productPublicOrders);
    expect(w.productPrivateGmvYuan).toBeGreaterThan(w.productPublicGmvYuan);
    expect(w.productPrivateOrders).toBeGreaterThan(w.shopPrivateOrders);
    const priv = searchBoost({ ...none, productPrivateOrders: 1, productPrivateGmvYuan: 50 }).boost;
    const pub = searchBoost({ ...none, productPublicOrders: 1, productPublicGmvYuan: 50 }).boost;
    expect(priv).toBeGreaterThan(pub);
    expect(pub).toBeGreaterThan(0);
    expect(searchBoost(none).boost).toBe(0);
  });

  it('is linear in the decayed signals, so the whole boost halves with them', () => {
    const full = { ...none, productPrivateOrders: 2, shopPublicGmvYuan: 300, orders: 2, views: 5 };
    const half = { ...full, productPrivateOrders: 1, shopPublicGmvYuan: 150 };
    expect(searchBoost(half).boost).toBeCloseTo(searchBoost(full).boost / 2, 12);
  });

  it('multiplies sales by 1 + conversion, the rate capped at 1 and 0 without views', () => {
    expect(conversionRate(1, 4)).toBe(0.25);
    expect(conversionRate(3, 2)).toBe(1);
    expect(conversionRate(3, 0)).toBe(0);
    const b = searchBoost({ ...none, productPrivateOrders: 1, orders: 1, views: 4 });
    expect(b.sales).toBeCloseTo(SEARCH_RANKING.weights.productPrivateOrders, 12);
    expect(b.boost).toBeCloseTo(b.sales * 1.25, 12);
    expect(b.factors.productPrivateOrders).toEqual({
      value: 1,
      weight: SEARCH_RANKING.weights.productPrivateOrders,
      contribution: SEARCH_RANKING.weights.productPrivateOrders,
    });
  });

  it("caps the product's part at 5 and the shop's at 1, so a big shop cannot bury better matches", () => {
    const huge = searchBoost({ ...none, shopPrivateGmvYuan: 10_000_000, productPrivateOrders: 1_000 });
    expect(huge.shopSales).toBeCloseTo(2_000, 9);
    expect(huge.productSales).toBeCloseTo(200, 9);
    expect(huge.sales).toBe(SEARCH_RANKING.caps.product + SEARCH_RANKING.caps.shop);
    const small = searchBoost({ ...none, shopPrivateGmvYuan: 1_000, productPrivateOrders: 2 });
    expect(small.sales).toBeCloseTo(0.2 + 0.4, 12);
  });

  it('scores relevance × (1 + boost)', () => {
    expect(searchScore(0.3, 0)).toBe(0.3);
    expect(searchScore(0.3, 1)).toBeCloseTo(0.6, 12);
  });
});
