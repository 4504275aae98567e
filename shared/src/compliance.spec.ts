import { BANNED_CLAIMS, findBannedClaim } from './compliance';

describe('BANNED_CLAIMS', () => {
  it.each([['全网最低价'], ['最便宜'], ['第一']])('includes the PRODUCT.md example %p', (phrase) => {
    expect(BANNED_CLAIMS).toContain(phrase);
  });

  it('has no duplicates or empty phrases', () => {
    expect(new Set(BANNED_CLAIMS).size).toBe(BANNED_CLAIMS.length);
    for (const phrase of BANNED_CLAIMS) expect(phrase.trim()).not.toBe('');
  });
});

describe('findBannedClaim', () => {
  it.each(BANNED_CLAIMS.map((phrase) => [phrase]))('finds %p on its own', (phrase) => {
    expect(findBannedClaim(phrase)).toBe(phrase);
  });

  it.each([
    ['全网最低价', '限时特惠，全网最低价，速抢！'],
    ['最低价', '今日最低价'],
    ['最便宜', '这是最便宜的礼盒'],
    ['全网第一', '好评全网第一'],
    ['销量第一', '礼盒销量第一名'],
    ['第一', '排名第一'],
    ['最佳', '送礼最佳选择'],
    ['最好', '口感最好的红茶'],
    ['最高级', '最高级的丝绸'],
    ['最先进', '采用最先进工艺'],
    ['顶级', '顶级大红袍'],
    ['极品', '极品燕窝礼盒'],
    ['国家级', '国家级非遗手艺'],
    ['独一无二', '独一无二的礼物'],
    ['史上最', '史上最强优惠'],
    ['绝对', '品质绝对保证'],
    ['100%有效', '美白100%有效'],
    ['万能', '万能清洁膏'],
    ['No.1', 'Brand No.1 in China'],
    ['lowest price', 'Gift box at the lowest price ever'],
    ['cheapest', 'The cheapest tea in town'],
  ])('finds %p inside a longer text: %p', (phrase, text) => {
    expect(findBannedClaim(text)).toBe(phrase);
  });

  it.each([
    ['全网最低价', '全网最低价龙井'], // not "最低价"
    ['销量第一', '销量第一的月饼'], // not "第一"
    ['全网第一', '全网第一好茶'], // not "第一"
  ])('names the longest phrase %p found in %p', (phrase, text) => {
    expect(findBannedClaim(text)).toBe(phrase);
  });

  it('names the longest phrase even when a shorter one appears earlier in the text', () => {
    expect(findBannedClaim('最好的茶，全网最低价')).toBe('全网最低价');
  });

  it.each([
    ['No.1', 'no.1 gift shop'],
    ['No.1', 'NO.1 GIFT SHOP'],
    ['lowest price', 'LOWEST PRICE GUARANTEED'],
    ['lowest price', 'Lowest Price'],
    ['cheapest', 'CheApEsT'],
  ])('matches Latin case-insensitively and returns the phrase as listed (%p) for %p', (phrase, text) => {
    expect(findBannedClaim(text)).toBe(phrase);
  });

  it.each([
    ['明前龙井礼盒'],
    ['Oolong Tea Sampler'],
    [''],
    ['   '],
    ['最美的季节送一份好茶'], // 最 alone is not a listed claim
    ['No. 1'], // spacing breaks the Latin phrase
    ['low price'],
  ])('returns null for the clean text %p', (text) => {
    expect(findBannedClaim(text)).toBeNull();
  });

  it.each([
    ['第一次送礼也不会出错'], // "the first time" — not a ranking claim
    ['第一批春茶'], // "the first batch"
  ])('is strict: 第一 inside another word is still caught (%p)', (text) => {
    expect(findBannedClaim(text)).toBe('第一');
  });
});
