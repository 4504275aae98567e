import Taro from '@tarojs/taro';
import { parseJson, type Method, type Reply } from './reply';

/**
 * How an API call reaches the server. This file is the mini program's (wx.request, wx.uploadFile
 * through Taro); the H5 build takes `transport.h5.ts` instead (Taro's per-platform files), which
 * uses the browser's own fetch and so leaves Taro's request polyfills out of the first load.
 * Both reject only when the server cannot be reached; any HTTP status resolves.
 */
export async function send(
  method: Method,
  url: string,
  body: object | undefined,
  header: Record<string, string>,
): Promise<Reply> {
  const res = await Taro.request<unknown>({ url, method, data: body, header });
  return { statusCode: res.statusCode, data: res.data };
}

/** Sends the file at `filePath` (a temporary path from chooseImage) as the multipart field `file`. */
export async function upload(url: string, filePath: string, header: Record<string, string>): Promise<Reply> {
  const res = await Taro.uploadFile({ url, filePath, name: 'file', header });
  return { statusCode: res.statusCode, data: parseJson(res.data) };
}
