import { GIFT_CARD_RULES, GIFT_CARD_THEMES, type GiftCardTheme } from '@giftshop/shared';
import { parseYuan } from '../../components/YuanInput';
import { translate } from '../../i18n';
import type { DesignBody } from '../gift-card/api';

/** The design form as typed: the face value in yuan, the days as text. */
export interface DesignForm {
  title: string;
  theme: GiftCardTheme;
  faceValue: string;
  validDays: string;
}

const MAX_TITLE = 30;

/**
 * The body of `POST /api/shops/:shopId/gift-card-designs`, or the first thing wrong with the form
 * by the shared GIFT_CARD_RULES: a title of 1–30 characters, a face value of ¥10–¥1,000, valid
 * 1–1,095 days after it is claimed.
 */
export function designBody(form: DesignForm): { ok: true; body: DesignBody } | { ok: false; problem: string } {
  const fail = (problem: string) => ({ ok: false as const, problem });
  const title = form.title.trim();
  if (title.length === 0 || [...title].length > MAX_TITLE)
    return fail(translate('cardDesigns.badTitle', { max: MAX_TITLE }));
  if (!GIFT_CARD_THEMES.includes(form.theme)) return fail(translate('cardDesigns.badTheme'));
  const { minFaceValueFen, maxFaceValueFen, minValidDays, maxValidDays } = GIFT_CARD_RULES;
  const faceValueFen = parseYuan(form.faceValue);
  if (faceValueFen === null || faceValueFen < minFaceValueFen || faceValueFen > maxFaceValueFen) {
    return fail(translate('cardDesigns.badFaceValue', { min: minFaceValueFen / 100, max: maxFaceValueFen / 100 }));
  }
  const days = /^\d+$/.test(form.validDays.trim()) ? Number(form.validDays.trim()) : null;
  if (days === null || days < minValidDays || days > maxValidDays) {
    return fail(translate('cardDesigns.badValidDays', { min: minValidDays, max: maxValidDays }));
  }
  return { ok: true, body: { title, theme: form.theme, faceValueFen, validDays: days } };
}
