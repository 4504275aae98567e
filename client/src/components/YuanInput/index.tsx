import { Input } from '@tarojs/components';
import { formatFen } from '@giftshop/shared';

/**
 * Parses what a merchant types as yuan ("168", "168.5", "1,234.56") into whole fen, without
 * floating point; null when it is not an amount.
 */
export function parseYuan(text: string): number | null {
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.trim().replace(/,/g, ''));
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** Fen as the text a yuan field starts with ("168.00"). */
export function yuanText(fen: number): string {
  return formatFen(fen, { symbol: false }).replace(/,/g, '');
}

/** A yuan amount field; the page keeps the text and parses it on submit. */
export function YuanInput({
  value,
  onChange,
  testId,
  placeholder,
}: {
  value: string;
  onChange: (text: string) => void;
  testId: string;
  placeholder?: string;
}) {
  return (
    <Input
      className="field__input"
      type="digit"
      data-testid={testId}
      aria-label={placeholder}
      value={value}
      placeholder={placeholder ?? '0.00'}
      onInput={(e) => onChange(e.detail.value)}
    />
  );
}
