/** What a transport (transport.ts, transport.h5.ts) hands back for any HTTP status. */
export interface Reply {
  statusCode: number;
  /** The parsed JSON body, or undefined when there is none or it is not JSON. */
  data: unknown;
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined; // not JSON (a proxy's error page): the status says enough
  }
}
