// SUT control over HTTP: POST {url}/{action} with the action's parameters as a JSON body.
// 2xx: done. 404/501: the endpoint does not offer this action (the case is NOT_APPLICABLE).
import { redactUrl } from '../config/load.js';
import type { StimulusContext, StimulusOutcome, SutControl } from './control.js';

export interface HttpSutControlConfig {
  url: string;
  timeoutMs?: number;
}

export const DEFAULT_HTTP_TIMEOUT_MS = 30_000;

/** First part of a response body, on one line, for messages. */
function snippet(body: string, max = 200): string {
  const one = body.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max)}…` : one;
}

function errorText(err: unknown): string {
  const e = err as Error & { cause?: unknown };
  const cause = e?.cause as (Error & { code?: string }) | undefined;
  if (cause?.message) return cause.message;
  return e?.message ?? String(err);
}

export class HttpSutControl implements SutControl {
  readonly kind = 'http' as const;
  private readonly baseUrl: string;
  private readonly authorization: string | undefined;
  private readonly timeoutMs: number;

  constructor(cfg: HttpSutControlConfig, defaults: { timeoutMs?: number } = {}) {
    // fetch refuses URLs with credentials: send them as a Basic Authorization header instead.
    let url = cfg.url;
    try {
      const u = new URL(cfg.url);
      if (u.username !== '' || u.password !== '') {
        const user = decodeURIComponent(u.username);
        const pass = decodeURIComponent(u.password);
        this.authorization = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
        u.username = '';
        u.password = '';
        url = u.toString();
      }
    } catch {
      // not a valid URL: fetch reports it on first use
    }
    this.baseUrl = url.replace(/\/+$/, '');
    this.timeoutMs = cfg.timeoutMs ?? defaults.timeoutMs ?? DEFAULT_HTTP_TIMEOUT_MS;
  }

  async perform(action: string, params: Record<string, unknown>, ctx: StimulusContext): Promise<StimulusOutcome> {
    const url = `${this.baseUrl}/${encodeURIComponent(action)}`;
    const shown = `POST ${redactUrl(url)}`;
    if (ctx.signal?.aborted) return { outcome: 'failed', detail: `${shown}: aborted before the request was sent` };

    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = ctx.signal ? AbortSignal.any([timeout, ctx.signal]) : timeout;
    const body = JSON.stringify({ ...params, identity: ctx.identity, ocpp: ctx.ocpp });
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/plain, */*',
          ...(this.authorization ? { authorization: this.authorization } : {}),
        },
        body,
        signal,
      });
      const text = await res.text(); // also bounded by the signal
      if (res.status >= 200 && res.status < 300) {
        const s = snippet(text);
        return { outcome: 'done', detail: `HTTP ${res.status}${s ? `: ${s}` : ''}` };
      }
      if (res.status === 404 || res.status === 501) {
        return { outcome: 'unsupported', detail: `control endpoint does not support "${action}" (HTTP ${res.status})` };
      }
      const s = snippet(text);
      return { outcome: 'failed', detail: `${shown} answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}${s ? `: ${s}` : ''}` };
    } catch (err) {
      if (timeout.aborted) {
        return { outcome: 'timeout', detail: `${shown}: no answer within ${this.timeoutMs} ms` };
      }
      if (ctx.signal?.aborted) return { outcome: 'failed', detail: `${shown}: aborted` };
      return { outcome: 'failed', detail: `${shown} failed: ${errorText(err)}` };
    }
  }

  private listed: Promise<readonly string[] | undefined> | undefined;

  /** `GET {url}/actions` → a JSON array of action names, or `{ "actions": [...] }`; anything else: unknown. */
  supportedActions(): Promise<readonly string[] | undefined> {
    this.listed ??= (async () => {
      try {
        const res = await fetch(`${this.baseUrl}/actions`, {
          headers: { accept: 'application/json', ...(this.authorization ? { authorization: this.authorization } : {}) },
          signal: AbortSignal.timeout(Math.min(this.timeoutMs, 5000)),
        });
        if (!res.ok) return undefined;
        const body = await res.json() as unknown;
        const list = Array.isArray(body) ? body : (body as { actions?: unknown })?.actions;
        return Array.isArray(list) && list.every((a) => typeof a === 'string') ? list as string[] : undefined;
      } catch {
        return undefined;
      }
    })();
    return this.listed;
  }

  async close(): Promise<void> {
    // Nothing held open: fetch's keep-alive sockets are unref'd by undici.
  }
}
