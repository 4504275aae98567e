import { isScene, Scene, SCENE_CODES, sceneDomain, SCENES } from './scenes';

/** The scene table of PRODUCT.md, written out literally. */
const EXPECTED_SCENES = [
  ['search', '搜一搜', 'public'],
  ['moments_ad', '朋友圈广告', 'public'],
  ['channels_live', '视频号直播', 'public'],
  ['channels_video', '视频号短视频', 'public'],
  ['mini_program', '小程序', 'public'],
  ['official_account', '公众号文章', 'private'],
  ['chat', '1:1 聊天', 'private'],
  ['group_chat', '群聊', 'private'],
  ['wecom', '企业微信客服 / 社群', 'private'],
  ['parcel_card', '包裹卡', 'private'],
  ['shop_home', '店铺主页', 'private_if_follower'],
] as const;

const FIXED_DOMAIN_SCENES = EXPECTED_SCENES.filter(([, , domain]) => domain !== 'private_if_follower');

describe('SCENES table', () => {
  it('has exactly the 11 scenes of PRODUCT.md, in order', () => {
    expect(SCENE_CODES).toEqual([
      'search',
      'moments_ad',
      'channels_live',
      'channels_video',
      'mini_program',
      'official_account',
      'chat',
      'group_chat',
      'wecom',
      'parcel_card',
      'shop_home',
    ]);
    expect(Object.keys(SCENES)).toHaveLength(11);
  });

  it.each(EXPECTED_SCENES)('%s is %s with domain rule %s', (code, nameZh, domain) => {
    expect(SCENES[code as Scene].nameZh).toBe(nameZh);
    expect(SCENES[code as Scene].domain).toBe(domain);
  });

  it('gives every scene a non-empty English name', () => {
    for (const code of SCENE_CODES) {
      expect(SCENES[code].nameEn).toMatch(/\S/);
    }
  });

  it('has 5 public, 5 private and 1 follower-dependent scene', () => {
    const domains = SCENE_CODES.map((code) => SCENES[code].domain);
    expect(domains.filter((d) => d === 'public')).toHaveLength(5);
    expect(domains.filter((d) => d === 'private')).toHaveLength(5);
    expect(domains.filter((d) => d === 'private_if_follower')).toHaveLength(1);
  });

  it('puts both gift scenes (chat, group_chat) in the private domain', () => {
    expect(sceneDomain('chat', { followsShop: false })).toBe('private');
    expect(sceneDomain('group_chat', { followsShop: false })).toBe('private');
  });
});

describe('isScene', () => {
  it.each(EXPECTED_SCENES.map(([code]) => [code]))('accepts %p', (code) => {
    expect(isScene(code)).toBe(true);
  });

  it.each([
    ['unknown', 'tiktok'],
    ['empty string', ''],
    ['wrong case', 'Search'],
    ['padded', ' search'],
    ['Chinese name instead of code', '搜一搜'],
  ])('rejects a %s string: %p', (_label, value) => {
    expect(isScene(value)).toBe(false);
  });

  it.each([[42], [null], [undefined], [{}], [['search']], [true]])('rejects the non-string %p', (value) => {
    expect(isScene(value)).toBe(false);
  });

  it.each([['toString'], ['__proto__'], ['constructor'], ['hasOwnProperty'], ['valueOf']])(
    'does not count the prototype key %p as a scene',
    (value) => {
      expect(isScene(value)).toBe(false);
    },
  );
});

describe('sceneDomain', () => {
  it('counts shop_home as private for a follower', () => {
    expect(sceneDomain('shop_home', { followsShop: true })).toBe('private');
  });

  it('counts shop_home as public for a non-follower', () => {
    expect(sceneDomain('shop_home', { followsShop: false })).toBe('public');
  });

  it.each(
    FIXED_DOMAIN_SCENES.flatMap(([code, , domain]) => [
      [code, true, domain],
      [code, false, domain],
    ]),
  )('%s with followsShop=%p is %s (follow state ignored)', (code, followsShop, domain) => {
    expect(sceneDomain(code as Scene, { followsShop: followsShop as boolean })).toBe(domain);
  });
});
