/**
 * 收货地址 rules, shared by the server's validation and the client's form: `phone` is a mainland
 * mobile number (1[3-9] and 9 more digits) or an international number in E.164 form (+ and 8 to 15
 * digits, no leading 0); `name` 1–30 characters (code points); `region` and `detail` not blank.
 */
/** Saved addresses per user: enough for home, work and family, not a data store. */
export const ADDRESS_BOOK_CAP = 20;

export const ADDRESS_RULES = { nameMaxLength: 30, regionMaxLength: 60, detailMaxLength: 200 } as const;

export type AddressField = 'name' | 'phone' | 'region' | 'detail';

const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;
const E164 = /^\+[1-9]\d{7,14}$/;

export function isPhoneNumber(phone: string): boolean {
  return MAINLAND_MOBILE.test(phone) || E164.test(phone);
}

function codePoints(text: string): number {
  return Array.from(text).length;
}

/** What is wrong with one field of an address (the message names the field), or null. */
export function addressFieldProblem(field: AddressField, value: unknown): string | null {
  if (typeof value !== 'string') return `${field} must be text`;
  switch (field) {
    case 'phone':
      return isPhoneNumber(value)
        ? null
        : 'phone must be a mainland mobile number (11 digits from 13) or an international +number (8-15 digits)';
    case 'name': {
      const n = codePoints(value);
      return value.trim() && n <= ADDRESS_RULES.nameMaxLength
        ? null
        : `name must be 1-${ADDRESS_RULES.nameMaxLength} characters`;
    }
    case 'region':
    case 'detail': {
      const max = field === 'region' ? ADDRESS_RULES.regionMaxLength : ADDRESS_RULES.detailMaxLength;
      return value.trim() && codePoints(value) <= max ? null : `${field} must be 1-${max} characters`;
    }
  }
}

/** Every problem of an address, by field; empty when it is valid. */
export function addressProblems(address: Record<AddressField, unknown>): { field: AddressField; problem: string }[] {
  return (['name', 'phone', 'region', 'detail'] as const).flatMap((field) => {
    const problem = addressFieldProblem(field, address[field]);
    return problem ? [{ field, problem }] : [];
  });
}
