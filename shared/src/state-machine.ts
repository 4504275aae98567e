/**
 * State machines as tables: each lifecycle lists its actions with the states they may start from
 * and the state they lead to. The server applies every write through `transition()` inside a
 * transaction with the row locked, so concurrency cannot skip a guard.
 */
export interface Transition<S extends string> {
  from: readonly S[];
  to: S;
}

export type TransitionTable<S extends string, A extends string> = Record<A, Transition<S>>;

export class IllegalTransitionError<S extends string = string, A extends string = string> extends Error {
  constructor(
    readonly machine: string,
    readonly current: S,
    readonly action: A,
  ) {
    super(`${machine} is ${current}: cannot ${action.replace(/_/g, ' ')}`);
  }
}

/** The state `action` leads to from `current`, or an IllegalTransitionError naming both. */
export function transition<S extends string, A extends string>(
  machine: string,
  table: TransitionTable<S, A>,
  current: S,
  action: A,
): S {
  const rule = table[action];
  if (!rule || !rule.from.includes(current)) throw new IllegalTransitionError(machine, current, action);
  return rule.to;
}

export function canTransition<S extends string, A extends string>(
  table: TransitionTable<S, A>,
  current: S,
  action: A,
): boolean {
  return table[action]?.from.includes(current) ?? false;
}
