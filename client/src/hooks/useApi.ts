import { useCallback, useEffect, useRef, useState } from 'react';
import { apiGet, errorMessage, ApiRequestError } from '../api/client';
import type { ApiUrl } from '../api/routes';
import { onWrite } from '../api/writes';
import { useSession } from './useSession';

export type Loadable<T> =
  { status: 'loading' } | { status: 'error'; message: string; statusCode: number } | { status: 'ready'; data: T };

export type ApiState<T> = Loadable<T> & {
  /** Fetches again; `silent` keeps the current data on screen meanwhile (polling, after an action). */
  reload: (options?: { silent?: boolean }) => Promise<void>;
};

/**
 * GETs `path` (an `apiUrl`, typed by its route) and tracks loading, error and data; `null` waits
 * (nothing to load yet) and a new `key` (e.g. the user) fetches again. Every typed hook in this
 * folder is one line over it.
 */
export function useApi<T>(path: ApiUrl<T> | null, key = ''): ApiState<T> {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  const latest = useRef(path + key);
  latest.current = path + key;

  const reload = useCallback(
    async (options: { silent?: boolean } = {}) => {
      if (path === null) return;
      if (!options.silent) setState({ status: 'loading' });
      try {
        const data = await apiGet<T>(path);
        if (latest.current === path + key) setState({ status: 'ready', data });
      } catch (err) {
        if (latest.current !== path + key) return;
        const statusCode = err instanceof ApiRequestError ? err.statusCode : 0;
        setState({ status: 'error', message: errorMessage(err), statusCode });
      }
    },
    [path, key],
  );

  useEffect(() => {
    void reload();
  }, [reload]);

  return { ...state, reload };
}

/** Runs `action` once at a time, remembering its error to show in place. */
export function useAction<A extends unknown[], R>(
  action: (...args: A) => Promise<R>,
): {
  run: (...args: A) => Promise<R | undefined>;
  pending: boolean;
  error: ApiRequestError | Error | null;
  clear: () => void;
} {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiRequestError | Error | null>(null);
  const busy = useRef(false);
  const actionRef = useRef(action);
  actionRef.current = action;

  const run = useCallback(async (...args: A) => {
    if (busy.current) return undefined;
    busy.current = true;
    setPending(true);
    setError(null);
    try {
      return await actionRef.current(...args);
    } catch (err) {
      setError(err instanceof Error ? err : new Error(errorMessage(err)));
      return undefined;
    } finally {
      busy.current = false;
      setPending(false);
    }
  }, []);

  return { run, pending, error, clear: () => setError(null) };
}

/** `useApi` for routes that need a user: waits for a login and refetches when the user switches. */
export function useUserApi<T>(path: ApiUrl<T> | null): ApiState<T> {
  const session = useSession();
  return useApi<T>(session ? path : null, session?.user.id ?? '');
}

/** Reloads quietly after the app writes under `prefix` (e.g. `/gifts/<id>/` after a claim). */
export function useReloadAfterWrite(prefix: string | null, reload: ApiState<unknown>['reload']): void {
  useEffect(() => {
    if (prefix === null) return undefined;
    return onWrite((path) => {
      if (path.startsWith(prefix)) void reload({ silent: true });
    });
  }, [prefix, reload]);
}
