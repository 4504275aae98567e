/**
 * @tarojs/taro for jest: an in-memory storage, recorded navigation, `login` handing out codes, and
 * `request` answered by a handler each test installs with `mockApi`.
 */
import { useEffect } from 'react';

export interface RequestOptions {
  url: string;
  method?: string;
  data?: unknown;
  header?: Record<string, string>;
}

export interface MockResponse {
  statusCode: number;
  data: unknown;
}

type Handler = (req: RequestOptions & { path: string; method: string }) => MockResponse | Promise<MockResponse>;

let handler: Handler = () => ({ statusCode: 404, data: { statusCode: 404, message: 'not mocked', code: 'NOT_FOUND' } });
let routerParams: Record<string, string> = {};
let loginCodes = 0;
let chosenImages: string[] = [];
const storage = new Map<string, unknown>();

export const requests: (RequestOptions & { path: string; method: string })[] = [];
export const navigations: string[] = [];

/** Installs the API for a test; `path` is the URL after `/api` (query string included). */
export function mockApi(next: Handler): void {
  handler = next;
}

export function setRouterParams(params: Record<string, string>): void {
  routerParams = params;
}

/** What the next Taro.chooseImage picks (an empty list: the user closes the picker). */
export function setChosenImages(paths: string[]): void {
  chosenImages = paths;
}

export function resetTaroMock(): void {
  chosenImages = [];
  requests.length = 0;
  navigations.length = 0;
  storage.clear();
  routerParams = {};
  loginCodes = 0;
}

/** wx.login: a fresh one-time code per call (wx-code-1, wx-code-2, …). */
function login(): Promise<{ code: string; errMsg: string }> {
  loginCodes += 1;
  return Promise.resolve({ code: `wx-code-${loginCodes}`, errMsg: 'login:ok' });
}

async function request(options: RequestOptions): Promise<MockResponse> {
  const path = options.url.replace(/^.*?\/api/, '');
  const call = { ...options, path, method: options.method ?? 'GET' };
  requests.push(call);
  return handler(call);
}

function chooseImage(): Promise<{ tempFilePaths: string[] }> {
  return chosenImages.length
    ? Promise.resolve({ tempFilePaths: chosenImages })
    : Promise.reject(new Error('chooseImage:fail cancel'));
}

/** Taro.uploadFile through the same handler as requests: `data` is `{filePath, name}`; the answer is text. */
async function uploadFile(options: {
  url: string;
  filePath: string;
  name: string;
  header?: Record<string, string>;
}): Promise<{ statusCode: number; data: string }> {
  const res = await request({
    url: options.url,
    method: 'POST',
    data: { filePath: options.filePath, name: options.name },
    header: options.header,
  });
  return { statusCode: res.statusCode, data: JSON.stringify(res.data) };
}

function navigate(options: { url: string }): Promise<void> {
  navigations.push(options.url);
  return Promise.resolve();
}

const Taro = {
  request,
  login,
  chooseImage,
  uploadFile,
  navigateTo: navigate,
  redirectTo: navigate,
  reLaunch: navigate,
  switchTab: navigate,
  navigateBack: () => Promise.resolve(),
  getStorageSync: (key: string) => storage.get(key) ?? '',
  setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
  removeStorageSync: (key: string) => void storage.delete(key),
  showToast: () => Promise.resolve(),
  showModal: () => Promise.resolve({ confirm: true, cancel: false }),
  setNavigationBarTitle: () => Promise.resolve(),
  stopPullDownRefresh: () => undefined,
  pageScrollTo: () => Promise.resolve(),
  getCurrentInstance: () => ({ router: { params: routerParams } }),
  getCurrentPages: () => [{}],
};

export function useRouter() {
  return { params: routerParams, path: '' };
}

export function useDidShow(callback: () => void) {
  useEffect(() => {
    callback();
  }, []);
}

export function useDidHide(): void {}
export function usePullDownRefresh(): void {}
export function useReachBottom(): void {}

export default Taro;

// jsdom has no layout and logs "Not implemented" for scrolling (each page opens at its top).
if (typeof window !== 'undefined') window.scrollTo = () => undefined;
