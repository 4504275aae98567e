/**
 * Scenes (场景 / 入口): where a visit or an order came from. One table, the single owner of
 * which scenes exist and which domain each belongs to.
 */

export type Domain = 'public' | 'private';

/** `shop_home` is private when the viewer follows the shop, public otherwise. */
export type SceneDomainRule = Domain | 'private_if_follower';

export const SCENES = {
  search: { nameZh: '搜一搜', nameEn: 'Search', domain: 'public' },
  moments_ad: { nameZh: '朋友圈广告', nameEn: 'Moments ad', domain: 'public' },
  channels_live: { nameZh: '视频号直播', nameEn: 'Channels live', domain: 'public' },
  channels_video: { nameZh: '视频号短视频', nameEn: 'Channels video', domain: 'public' },
  mini_program: { nameZh: '小程序', nameEn: 'Mini program', domain: 'public' },
  official_account: { nameZh: '公众号文章', nameEn: 'Official account article', domain: 'private' },
  chat: { nameZh: '1:1 聊天', nameEn: 'Chat', domain: 'private' },
  group_chat: { nameZh: '群聊', nameEn: 'Group chat', domain: 'private' },
  wecom: { nameZh: '企业微信客服 / 社群', nameEn: 'WeCom', domain: 'private' },
  parcel_card: { nameZh: '包裹卡', nameEn: 'Parcel card', domain: 'private' },
  shop_home: { nameZh: '店铺主页', nameEn: 'Shop home', domain: 'private_if_follower' },
} as const satisfies Record<string, { nameZh: string; nameEn: string; domain: SceneDomainRule }>;

export type Scene = keyof typeof SCENES;

export const SCENE_CODES = Object.keys(SCENES) as Scene[];

export function isScene(value: unknown): value is Scene {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(SCENES, value);
}

/** The domain a visit or order in `scene` counts towards. */
export function sceneDomain(scene: Scene, context: { followsShop: boolean }): Domain {
  const rule: SceneDomainRule = SCENES[scene].domain;
  if (rule === 'private_if_follower') return context.followsShop ? 'private' : 'public';
  return rule;
}
