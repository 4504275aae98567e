import { parseJson, type Method, type Reply } from './reply';

/**
 * The H5 transport (see transport.ts): the browser's fetch. Taro.request would bring fetch, abort
 * and JSONP polyfills (about 25 KB) into the home page's first load for browsers that all have fetch.
 */
export async function send(
  method: Method,
  url: string,
  body: object | undefined,
  header: Record<string, string>,
): Promise<Reply> {
  const res = await fetch(url, {
    method,
    headers: header,
    body: body === undefined || method === 'GET' ? undefined : JSON.stringify(body),
  });
  return { statusCode: res.status, data: parseJson(await res.text()) };
}

/** `filePath` is the blob URL that chooseImage gives in H5. */
export async function upload(url: string, filePath: string, header: Record<string, string>): Promise<Reply> {
  const blob = await (await fetch(filePath)).blob();
  const form = new FormData();
  form.append('file', blob, 'upload');
  const res = await fetch(url, { method: 'POST', headers: header, body: form });
  return { statusCode: res.status, data: parseJson(await res.text()) };
}
