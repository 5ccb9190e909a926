// Secrets never reach a report file: every writer passes traces and texts through here.
//
// What is masked (replaced with `***`):
//  - the credentials of an Authorization header (`Basic ***`, scheme kept);
//  - values of JSON keys named like password / passphrase / authorizationKey / privateKey / privKey /
//    secret (security.basicAuthPassword, an AuthorizationKey, a client secret);
//  - the `value` of a configuration entry whose `key` is such a name
//    (ChangeConfiguration "AuthorizationKey", GetConfiguration.conf entries, 2.0.1 SetVariables);
//  - PEM private key blocks anywhere in a string;
//  - the password part of `scheme://user:password@host` URLs;
//  - `password=…` style pairs in free text.
import type { TraceEvent } from '../trace/types.js';

export const MASK = '***';

const SENSITIVE_NAME_PARTS = ['password', 'passwd', 'passphrase', 'authorizationkey', 'privatekey', 'privkey', 'secret'];

/** True for key names that hold secrets: `password`, `AuthorizationKey`, `private_key`, `BasicAuthPassword` … */
export function isSensitiveName(name: string): boolean {
  const norm = name.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
  return SENSITIVE_NAME_PARTS.some((part) => norm.includes(part));
}

// ---------------------------------------------------------------------------------------------
// Free text

const PEM_PRIVATE_KEY = /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY-----[\s\S]*?(?:-----END \1PRIVATE KEY-----|$)/g;
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:@/"'<>]+):([^\s@/"'<>]+)@/gi;
const BEARER = /\b(Bearer)\s+(?!\*\*\*)[A-Za-z0-9\-._~+/]+=*/g;
const BASIC = /\b(Basic)\s+([A-Za-z0-9+/]{4,}={0,2})(?![A-Za-z0-9+/=])/g;
/** `"name": "value"` or `"name": 123` where name is sensitive (JSON-ish text that did not parse). */
const JSON_PAIR = /("((?:[^"\\]|\\.)*)"\s*:\s*)("(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*)/g;
/** A flat `{…}` object in text: checked for `"key":"AuthorizationKey"` + `"value":"…"`. */
const FLAT_OBJECT = /\{[^{}]*\}/g;
const VALUE_FIELD = /("(?:value|attributeValue)"\s*:\s*)("(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*)/g;
const KEY_FIELD = /"(?:key|name)"\s*:\s*"((?:[^"\\]|\\.)*)"/g;
/** `password=hunter2`, `AuthorizationKey: 0011…` in prose or command lines. */
const TEXT_PAIR = /\b([A-Za-z_-]*(?:password|passwd|passphrase|authorizationkey|authorization_key|privatekey|private_key|privkey)[A-Za-z_-]*)(\s*[=:]\s*)(?!\*\*\*)([^\s,;&"'<>]+)/gi;

/** True when `token` is base64 of something that looks like `user:password`. */
function looksLikeBasicCredentials(token: string): boolean {
  if (token.length % 4 !== 0) return false;
  const decoded = Buffer.from(token, 'base64').toString('latin1');
  return decoded.includes(':') && /^[\x20-\x7e\u00a0-\u00ff]+$/.test(decoded);
}

// Secrets known by value (the configured passwords, AuthorizationKey values the harness sends): a SUT
// may echo them anywhere — free text, a non-JSON frame, a field with an innocent name.
const knownSecrets = new Set<string>();

/** Mask `value` wherever it appears in any report from now on (values shorter than 4 characters are ignored). */
export function registerSecret(value: string | undefined | null): void {
  if (typeof value !== 'string' || value.length < 4 || value === MASK) return;
  knownSecrets.add(value);
  // An AuthorizationKey is hexadecimal text; its decoded form is the same secret.
  if (/^(?:[0-9a-fA-F]{2}){4,}$/.test(value)) {
    const decoded = Buffer.from(value, 'hex').toString('latin1');
    if (/^[\x20-\x7e]+$/.test(decoded)) knownSecrets.add(decoded);
  }
}

/** Forget the registered values (tests). */
export function clearRegisteredSecrets(): void {
  knownSecrets.clear();
}

function maskKnownSecrets(s: string): string {
  let out = s;
  for (const secret of knownSecrets) if (out.includes(secret)) out = out.split(secret).join(MASK);
  return out;
}

/** Masks secrets in free text (log lines, notes, finding texts, non-JSON frames). Idempotent. */
export function redactText(s: string): string {
  if (!s) return s;
  let out = maskKnownSecrets(s).replace(PEM_PRIVATE_KEY, (_m, kind: string) =>
    `-----BEGIN ${kind}PRIVATE KEY----- ${MASK} -----END ${kind}PRIVATE KEY-----`);
  out = out.replace(URL_USERINFO, (_m, userPart: string) => `${userPart}:${MASK}@`);
  out = out.replace(BEARER, `$1 ${MASK}`);
  out = out.replace(BASIC, (m, scheme: string, token: string) =>
    (looksLikeBasicCredentials(token) ? `${scheme} ${MASK}` : m));
  out = out.replace(JSON_PAIR, (m, head: string, name: string, value: string) =>
    (isSensitiveName(name) && value !== `"${MASK}"` ? `${head}"${MASK}"` : m));
  out = out.replace(FLAT_OBJECT, (obj) => {
    const names = [...obj.matchAll(KEY_FIELD)].map((k) => k[1] ?? '');
    if (!names.some(isSensitiveName)) return obj;
    return obj.replace(VALUE_FIELD, (_m, head: string) => `${head}"${MASK}"`);
  });
  out = out.replace(TEXT_PAIR, `$1$2${MASK}`);
  return out;
}

/** `Basic Q1AwMDE6…` → `Basic ***`; a bare token → `***`. */
export function redactAuthorization(header: string): string {
  if (!header) return header;
  const m = /^(\s*[A-Za-z][A-Za-z0-9._-]*)\s+\S/.exec(header);
  return m ? `${m[1]} ${MASK}` : MASK;
}

// ---------------------------------------------------------------------------------------------
// Structured values

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Deep copy of `value` with secrets masked: sensitive keys, configuration entries naming a
 * sensitive key, and every string through `redactText`. `changed` tells whether anything was masked.
 */
function redactStructured(value: unknown): { value: unknown; changed: boolean } {
  let changed = false;
  const mask = (old: unknown): unknown => {
    if (old === null || old === undefined || old === MASK) return old;
    changed = true;
    return MASK;
  };
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const r = redactText(v);
      if (r !== v) changed = true;
      return r;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (!isRecord(v)) return v;
    const out: Record<string, unknown> = {};
    // { key: "AuthorizationKey", value: "…" }  (1.6 ChangeConfiguration / GetConfiguration.conf)
    const configEntry = typeof v.key === 'string' && isSensitiveName(v.key);
    // { variable: { name: "BasicAuthPassword" }, attributeValue: "…" }  (2.0.1 Set/GetVariables)
    const variable = v.variable;
    const variableEntry = isRecord(variable) && typeof variable.name === 'string' && isSensitiveName(variable.name);
    for (const [k, val] of Object.entries(v)) {
      if (isSensitiveName(k)) out[k] = mask(val);
      else if (k.toLowerCase() === 'authorization' && typeof val === 'string') {
        const r = redactAuthorization(val);
        if (r !== val) changed = true;
        out[k] = r;
      }
      else if (configEntry && k === 'value') out[k] = mask(val);
      else if (variableEntry && k === 'attributeValue') out[k] = mask(val);
      else out[k] = walk(val);
    }
    return out;
  };
  const result = walk(value);
  return { value: result, changed };
}

/** Deep copy of any JSON-like value with secrets masked (used for results.json and report texts). */
export function redactDeep<T>(value: T): T {
  return redactStructured(value).value as T;
}

/**
 * Masks secrets in an OCPP-J frame text. JSON is parsed, redacted structurally and re-serialised
 * only when something changed (so untouched frames stay byte-exact); other text is redacted as text.
 */
export function redactFrameText(raw: string): string {
  let parsed: Json;
  try {
    parsed = JSON.parse(raw) as Json;
  } catch {
    return redactText(raw);
  }
  try {
    const { value, changed } = redactStructured(parsed);
    return changed ? JSON.stringify(value) : raw;
  } catch (err) {
    // A frame nested deeper than the stack allows (a hostile peer can send one): mask it as text.
    if (err instanceof RangeError) return redactText(raw);
    throw err;
  }
}

/** Copy of one trace event with its secrets masked. */
export function redactEvent(ev: TraceEvent): TraceEvent {
  switch (ev.kind) {
    case 'ws-open': {
      const copy = { ...ev, url: redactText(ev.url) };
      if (ev.authorization !== undefined) copy.authorization = redactAuthorization(ev.authorization);
      return copy;
    }
    case 'frame':
      return ev.binary ? { ...ev } : { ...ev, raw: redactFrameText(ev.raw) };
    default:
      return redactDeep(ev);
  }
}

/** Copies of the events with secrets replaced by `***`; the input is not modified. */
export function redactTrace(events: readonly TraceEvent[]): TraceEvent[] {
  return events.map(redactEvent);
}
