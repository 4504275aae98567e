import { Inject, Injectable, Logger } from '@nestjs/common';
import { UnauthenticatedError, ServiceUnavailableError } from '../common/domain-errors';
import { APP_CONFIG, AppConfig } from '../config/config';
import { IdentityProvider, ProvenIdentity } from './identity-provider';

/** Seconds a client should wait before trying again when WeChat did not answer. */
const RETRY_AFTER_SECONDS = 5;
const OPEN_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * WeChat's mini-program login: `GET {base}/sns/jscode2session` trades a `wx.login` code for the
 * user's openid. The answer also holds `session_key`, which is read by no one here: it is never
 * stored, returned or logged (neither is the URL, which carries the app secret).
 */
@Injectable()
export class WechatCode2Session implements IdentityProvider {
  private readonly logger = new Logger('WechatLogin');

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async identify(code: string): Promise<ProvenIdentity> {
    const { apiBase, appId, secret, timeoutMs } = this.config.wechat;
    if (!appId || !secret) {
      throw new ServiceUnavailableError(
        'WECHAT_NOT_CONFIGURED',
        'WeChat login is not configured on this server (WECHAT_APPID and WECHAT_SECRET are unset)',
      );
    }
    const query = new URLSearchParams({ appid: appId, secret, js_code: code, grant_type: 'authorization_code' });
    const answer = await this.call(`${apiBase}/sns/jscode2session?${query}`, timeoutMs);
    if (typeof answer.errcode === 'number' && answer.errcode !== 0) {
      throw new UnauthenticatedError(
        `WeChat rejected the login code (errcode ${answer.errcode})`,
        'WECHAT_CODE_REJECTED',
      );
    }
    if (typeof answer.openid !== 'string' || !OPEN_ID.test(answer.openid)) {
      this.logger.warn('code2session answered without a usable openid');
      throw this.unavailable();
    }
    return { openId: answer.openid };
  }

  /** The parsed JSON object WeChat answered; anything else (no answer, late, not JSON) is a 503. */
  private async call(url: string, timeoutMs: number): Promise<Record<string, unknown>> {
    let res: Response;
    let text: string;
    try {
      res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
      text = await res.text();
    } catch (err) {
      this.logger.warn(`code2session failed: ${describeFailure(err, timeoutMs)}`);
      throw this.unavailable();
    }
    const body = res.ok ? parseObject(text) : null;
    // Only the status: the body may hold a session_key.
    if (!body) {
      this.logger.warn(`code2session answered HTTP ${res.status} without a JSON object`);
      throw this.unavailable();
    }
    return body;
  }

  private unavailable(): ServiceUnavailableError {
    return new ServiceUnavailableError(
      'WECHAT_UNAVAILABLE',
      'WeChat login is unavailable right now; try again shortly',
      RETRY_AFTER_SECONDS,
    );
  }
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null; // JSON.parse quotes the text in its message: never pass it on.
  }
}

/** Why the call failed, from names and codes only (a fetch error's message may carry the URL). */
function describeFailure(err: unknown, timeoutMs: number): string {
  if (err instanceof Error && err.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  const cause = err instanceof Error ? (err.cause as { code?: unknown } | undefined) : undefined;
  return `unreachable (${typeof cause?.code === 'string' ? cause.code : 'network error'})`;
}
