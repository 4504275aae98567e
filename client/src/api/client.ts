import Taro from '@tarojs/taro';
import type { ApiError } from '@giftshop/shared';

/** GETs `/api${path}` and returns the JSON body, or throws an Error with a readable message. */
export async function apiGet<T extends object>(path: string): Promise<T> {
  let res: Taro.request.SuccessCallbackResult<T | ApiError>;
  try {
    res = await Taro.request<T | ApiError>({ url: `${API_BASE}/api${path}`, method: 'GET' });
  } catch {
    throw new Error('网络连接失败，请稍后重试');
  }
  if (res.statusCode < 200 || res.statusCode >= 300) {
    const body = res.data as Partial<ApiError> | undefined;
    throw new Error(body?.message ?? `请求失败（${res.statusCode}）`);
  }
  return res.data as T;
}
