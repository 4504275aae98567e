/** A gift's wish message (祝福语) is at most 50 characters, counted as Unicode code points (an emoji counts once). */
export const MAX_WISH_MESSAGE_LENGTH = 50;

/**
 * Words a wish message may not contain: gambling, drugs, sex, fraud, violence and political terms
 * that Chinese platforms block. Matching is case-insensitive and ignores whitespace and the
 * separators `-_.·*` (after NFKC, so full-width forms count too): "赌 博", "赌-博" and
 * "C a s i n o" are caught. The longest word found is the one named.
 */
export const WISH_BANNED_WORDS: readonly string[] = [
  '赌博',
  '博彩',
  '赌场',
  '六合彩',
  '百家乐',
  '毒品',
  '冰毒',
  '大麻',
  '海洛因',
  '摇头丸',
  '色情',
  '约炮',
  '裸聊',
  '援交',
  '代开发票',
  '刷单',
  '传销',
  '诈骗',
  '洗钱',
  '枪支',
  '炸药',
  '法轮功',
  '台独',
  'casino',
  'gambling',
  'cocaine',
  'porn',
];

export type WishMessageCheck =
  { ok: true; message: string } | { ok: false; code: 'WISH_TOO_LONG' | 'WISH_BANNED_WORD'; reason: string };

const SEPARATORS = /[\s\-_.·*]/gu;

/** The form banned words are compared in: NFKC, lower case, without whitespace or separators. */
function squeeze(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(SEPARATORS, '');
}

const BY_LENGTH = WISH_BANNED_WORDS.map((word) => ({ word, squeezed: squeeze(word) })).sort(
  (x, y) => y.squeezed.length - x.squeezed.length,
);

/**
 * Checks a giver's wish message: trimmed, at most 50 characters, no banned word. Empty is fine
 * (the message is optional). On success `message` is the trimmed text to store.
 */
export function checkWishMessage(text: string): WishMessageCheck {
  const message = text.trim();
  const length = [...message].length;
  if (length > MAX_WISH_MESSAGE_LENGTH) {
    return {
      ok: false,
      code: 'WISH_TOO_LONG',
      reason: `wishMessage is ${length} characters; at most ${MAX_WISH_MESSAGE_LENGTH}`,
    };
  }
  const haystack = squeeze(message);
  const found = BY_LENGTH.find(({ squeezed }) => haystack.includes(squeezed));
  if (found) {
    return { ok: false, code: 'WISH_BANNED_WORD', reason: `wishMessage contains the banned word "${found.word}"` };
  }
  return { ok: true, message };
}
