/**
 * Writes the app made, announced by path, so views of the same thing elsewhere (the gift card in
 * the chat behind the gift page) refresh at once rather than at their next poll.
 */
type Listener = (path: string) => void;

const listeners = new Set<Listener>();

export function onWrite(listener: Listener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export function announceWrite(path: string): void {
  listeners.forEach((listener) => listener(path));
}
