import type { ChatNotice } from './api';

export type NoticeLanguage = 'zh' | 'en';

/**
 * Notices of events nobody in the chat did (the gift's giver is their sender): they are news to
 * the giver too, so they count as unread for every member.
 */
export const EVENT_NOTICES: readonly ChatNotice['kind'][] = [
  'gift_all_claimed',
  'gift_expired',
  'gift_refunded',
  'lottery_drawn',
  'team_formed',
  'team_failed',
  'gift_card_refunded',
];

/**
 * A system message's words in one language. The server stores the Chinese one as the message's
 * `text` (older clients show it); clients word the notice in their user's language.
 */
export function describeNotice(notice: ChatNotice, lang: NoticeLanguage): string {
  const zh = lang === 'zh';
  switch (notice.kind) {
    case 'group_created':
      return zh ? `群聊「${notice.params.name}」已创建` : `Group "${notice.params.name}" created`;
    case 'gift_claimed':
      return zh ? `${notice.params.nickname} 领取了礼物` : `${notice.params.nickname} claimed the gift`;
    case 'gift_all_claimed': {
      const n = notice.params.units;
      return zh ? `礼物已领完（共 ${n} 份）` : `All ${n} ${n === 1 ? 'gift was' : 'gifts were'} claimed`;
    }
    case 'gift_declined':
      return zh
        ? `${notice.params.nickname} 婉拒了礼物，已退款给送礼人`
        : `${notice.params.nickname} declined the gift; it was refunded to the giver`;
    case 'gift_expired': {
      const n = notice.params.units;
      return zh
        ? `礼物已过期，${n} 份未领取，将退款`
        : `The gift expired: ${n} unclaimed ${n === 1 ? 'unit' : 'units'} will be refunded`;
    }
    case 'gift_refunded': {
      const n = notice.params.units;
      return zh
        ? `未领取的 ${n} 份已退款给送礼人`
        : `${n} unclaimed ${n === 1 ? 'unit was' : 'units were'} refunded to the giver`;
    }
    case 'lottery_drawn': {
      const { entrants, winners } = notice.params;
      if (winners.length === 0)
        return zh ? `礼物开奖：${entrants} 人参与，无人中奖` : `Lottery drawn: ${entrants} entered, no winners`;
      return zh
        ? `礼物开奖：${entrants} 人参与，中奖：${winners.join('、')}`
        : `Lottery drawn: ${entrants} entered; ${winners.length === 1 ? 'winner' : 'winners'}: ${winners.join(', ')}`;
    }
    case 'team_formed': {
      const n = notice.params.groupSize;
      return zh
        ? `拼团成功：${n} 人已成团，商家即将发货`
        : `The team formed with ${n} members: the shop will ship soon`;
    }
    case 'team_failed': {
      const n = notice.params.paid;
      return zh
        ? `拼团未成团，已为 ${n} 位成员全额退款`
        : `The team did not form: ${n} ${n === 1 ? 'member was' : 'members were'} refunded in full`;
    }
    case 'gift_card_claimed':
      return zh ? `${notice.params.nickname} 领取了礼券` : `${notice.params.nickname} claimed the gift card`;
    case 'gift_card_refunded':
      return zh
        ? `「${notice.params.title}」24 小时未领取，已退款给送礼人`
        : `"${notice.params.title}" was not claimed within 24 hours and was refunded to the giver`;
  }
}
