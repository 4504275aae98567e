import { Text } from '@tarojs/components';
import { errorMessage } from '../../api/client';
import { isUnder, serverProblems, type FieldLabels } from '../../api/server-errors';

/** A server or form message shown in place, under the field or button it is about. */
export function FormError({ error, testId }: { error?: Error | string | null; testId?: string }) {
  if (!error) return null;
  const text = typeof error === 'string' ? error : errorMessage(error);
  return (
    <Text className="form-error" data-testid={testId ?? 'form-error'}>
      {text}
    </Text>
  );
}

/**
 * The part of a server validation message about `field` (messages name their field, e.g.
 * "title contains the banned claim 第一; skus.0.stock must not be less than 0"). With the form's
 * `labels` it is said in the user's language by the error's code (see api/server-errors).
 */
export function fieldMessage(error: Error | null | undefined, field: string, labels?: FieldLabels): string | null {
  if (!error) return null;
  if (labels) {
    const hit = serverProblems(error, labels).filter((p) => isUnder(p.path, field));
    return hit.length ? hit.map((p) => p.text).join('; ') : null;
  }
  const parts = error.message.split(/;\s*/);
  const hit = parts.filter(
    (part) => part.startsWith(field) || part.includes(` ${field} `) || part.includes(`"${field}"`),
  );
  return hit.length ? hit.join('; ') : null;
}

/** The server message when none of `fields` claims it (it is then shown once, under the form). */
export function unplacedMessage(
  error: Error | null | undefined,
  fields: string[],
  labels?: FieldLabels,
): string | null {
  if (!error) return null;
  if (fields.some((field) => fieldMessage(error, field, labels))) return null;
  return labels
    ? serverProblems(error, labels)
        .map((p) => p.text)
        .join('; ')
    : errorMessage(error);
}
