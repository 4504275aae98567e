import { formatFen } from '@giftshop/shared';
import { translate, type MessageKey } from '../i18n';
import { ApiRequestError, codeMessage } from './client';

/** How a form labels one server field: its label and whether the value is money in fen. */
export interface FieldLabel {
  label: MessageKey;
  money?: boolean;
}

/** A form's fields by server path; `*` stands for an array index (`skus.*.priceFen`). */
export type FieldLabels = Record<string, FieldLabel>;

/** One rule of the server's messages: the text after the field's path, and what it says. */
interface Rule {
  pattern: RegExp;
  key: MessageKey;
}

/**
 * The message templates the server's validation writes after a field's path (class-validator's,
 * and the shop's own); the first capture is the limit or the phrase.
 */
const VALIDATION_RULES: Rule[] = [
  { pattern: /^must not be greater than (-?\d+)$/, key: 'serverError.max' },
  { pattern: /^must not be less than (-?\d+)$/, key: 'serverError.min' },
  { pattern: /^must be shorter than or equal to (\d+) characters$/, key: 'serverError.maxLength' },
  { pattern: /^must be longer than or equal to (\d+) characters$/, key: 'serverError.minLength' },
  { pattern: /^should not be empty$/, key: 'serverError.empty' },
  { pattern: /^must be an integer number$/, key: 'serverError.notNumber' },
  { pattern: /^must be a number conforming to the specified constraints$/, key: 'serverError.notNumber' },
  { pattern: /^must contain at least (\d+) elements$/, key: 'serverError.minItems' },
  { pattern: /^must hold at least (one) SKU$/, key: 'serverError.minItems' },
  { pattern: /^must contain no more than (\d+) elements$/, key: 'serverError.maxItems' },
  { pattern: /^contains the banned claim "(.*)"$/, key: 'serverError.bannedClaim' },
  // The address rules in @giftshop/shared (addressFieldProblem).
  { pattern: /^must be 1-(\d+) characters$/, key: 'serverError.lengthRange' },
  { pattern: /^must be a mainland mobile number /, key: 'serverError.phone' },
  { pattern: /^must be text$/, key: 'serverError.invalid' },
];

/**
 * The rules each error code is said by. One 400 lists every field's problem under the code of the
 * first (BANNED_CLAIM or VALIDATION_FAILED), so both read all the validation templates.
 */
const RULES_BY_CODE: Record<string, Rule[]> = {
  VALIDATION_FAILED: VALIDATION_RULES,
  BANNED_CLAIM: VALIDATION_RULES,
};

/** One part of a server message: the field path it names (or '') and the text to show. */
export interface ServerProblem {
  path: string;
  text: string;
}

function findLabel(labels: FieldLabels, path: string): FieldLabel | undefined {
  return Object.entries(labels).find(([pattern]) =>
    new RegExp(`^${pattern.replace(/\./g, '\\.').replace(/\*/g, '\\d+')}$`).test(path),
  )?.[1];
}

/** One "path rest" part in the user's language, or as the server wrote it when no rule knows it. */
function localizePart(code: string, part: string, labels: FieldLabels): ServerProblem {
  const match = /^([A-Za-z]\w*(?:\.\w+)*) (.*)$/.exec(part);
  if (!match) return { path: '', text: part };
  const [, path, rest] = match;
  const label = findLabel(labels, path);
  const rule = (RULES_BY_CODE[code] ?? []).map((r) => ({ key: r.key, hit: r.pattern.exec(rest) })).find((r) => r.hit);
  if (!label || !rule?.hit) return { path, text: part };
  const raw = rule.hit[1] ?? '';
  const limit = label.money && /^-?\d+$/.test(raw) ? formatFen(Number(raw)) : raw === 'one' ? 1 : raw;
  return { path, text: translate(rule.key, { field: translate(label.label), limit, phrase: raw }) };
}

/**
 * A server error as the form shows it: each `;`-separated part in the user's language by the
 * error's code, naming the field as `labels` does and money in yuan. Errors that are not the
 * server's (network, client checks) come back whole.
 */
export function serverProblems(error: Error, labels: FieldLabels = {}): ServerProblem[] {
  if (!(error instanceof ApiRequestError)) return [{ path: '', text: error.message }];
  const byCode = codeMessage(error);
  if (byCode) return [{ path: '', text: byCode }];
  return error.message.split(/;\s*/).map((part) => localizePart(error.code, part, labels));
}

/** Whether a problem's path is `field` or inside it (`skus.0` holds `skus.0.priceFen`). */
export function isUnder(path: string, field: string): boolean {
  return path === field || path.startsWith(`${field}.`);
}
