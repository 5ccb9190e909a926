// Loading and resolving the run configuration: defaults <- --config file <- command-line flags.
// The file is validated against config-schema.json; every problem is reported with the JSON path
// of the field it concerns, and the run stops with exit code 2 before anything connects.
import { readFile } from 'node:fs/promises';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { PROFILES, parseProfile, type Profile } from '../dsl/profiles.js';
import { defaultConfig } from './defaults.js';
import type { HarnessConfig, KnownIssue, SutControlConfig } from './types.js';
import configSchema from './config-schema.json' with { type: 'json' };

/** A configuration problem; the CLI prints `message` and exits with `exitCode`. */
export class ConfigError extends Error {
  readonly exitCode = 2 as const;
  /** One line per problem, each naming the field it concerns. */
  readonly problems: readonly string[];

  constructor(message: string, problems: readonly string[] = [message]) {
    super(message);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** What the CLI may override. Features are profile names in any spelling (`smart-charging`). */
export interface ConfigOverrides {
  identity?: string;
  connectorIds?: number[];
  features?: readonly string[];
  declarations?: Partial<HarnessConfig['declarations']>;
  idTags?: Partial<HarnessConfig['idTags']>;
  configurationKeys?: {
    readOnly?: Partial<HarnessConfig['configurationKeys']['readOnly']>;
    writable?: Partial<HarnessConfig['configurationKeys']['writable']>;
  };
  intervals?: Partial<HarnessConfig['intervals']>;
  timeouts?: Partial<HarnessConfig['timeouts']>;
  smartCharging?: Partial<HarnessConfig['smartCharging']>;
  toleranceMs?: number;
  basicAuthPassword?: string;
  security?: HarnessConfig['security'];
  sutControl?: SutControlConfig;
  knownIssues?: KnownIssue[];
  limits?: HarnessConfig['limits'];
}

export interface ResolveOptions {
  /** Names the file in messages (usually its path). */
  source?: string;
}

// ---------------------------------------------------------------------------------------------
// Reading the file

/** Reads and parses a --config file. Throws ConfigError for a missing file or invalid JSON. */
export async function loadConfigFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const msg =
      code === 'ENOENT'
        ? `configuration file not found: ${path}`
        : code === 'EISDIR'
          ? `configuration file is a directory, not a file: ${path}`
          : code === 'EACCES'
            ? `cannot read configuration file ${path}: permission denied`
            : `cannot read configuration file ${path}: ${(err as Error).message}`;
    throw new ConfigError(msg);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') {
    throw new ConfigError(`${path}: the file is empty (expected a JSON object)`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const loc = locateJsonError(text);
    if (!loc) throw new ConfigError(`${path}: invalid JSON: ${(err as Error).message}`);
    const { line, column, lineText } = lineAndColumn(text, loc.offset);
    const headline = `${path}:${line}:${column}: invalid JSON: ${loc.reason}`;
    const excerpt = lineText.length > 200 ? '' : `\n    ${lineText}\n    ${' '.repeat(column - 1)}^`;
    throw new ConfigError(headline + excerpt, [headline]);
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number; lineText: string } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const lineStart = before.lastIndexOf('\n') + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  return { line, column: offset - lineStart + 1, lineText: text.slice(lineStart, lineEnd).replace(/\r$/, '').replace(/\t/g, ' ') };
}

/**
 * A small strict JSON scanner used only after JSON.parse has failed, to say where and why
 * (V8's messages do not always carry a position). Returns undefined if it finds no error.
 */
function locateJsonError(text: string): { offset: number; reason: string } | undefined {
  let pos = 0;
  const fail = (reason: string, at = pos): never => {
    throw { jsonErrorAt: at, reason };
  };
  const ws = (): void => {
    while (pos < text.length && ' \t\n\r'.includes(text[pos]!)) pos++;
  };
  const describe = (c: string | undefined): string => (c === undefined ? 'end of file' : JSON.stringify(c));
  const value = (): void => {
    ws();
    const c = text[pos];
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    for (const lit of ['true', 'false', 'null']) {
      if (text.startsWith(lit, pos)) {
        pos += lit.length;
        return;
      }
    }
    if (c === '/') fail('comments are not allowed in JSON');
    if (c === "'") fail('strings must use double quotes');
    if (c === undefined) fail('unexpected end of file (missing value)');
    fail(`unexpected ${describe(c)} (expected a value)`);
  };
  const object = (): void => {
    pos++; // {
    ws();
    if (text[pos] === '}') {
      pos++;
      return;
    }
    for (;;) {
      ws();
      const c = text[pos];
      if (c !== '"') {
        if (c === "'") fail('property names must use double quotes');
        if (c === '/') fail('comments are not allowed in JSON');
        fail(`expected a property name in double quotes, found ${describe(c)}`);
      }
      string();
      ws();
      if (text[pos] !== ':') fail(`expected ":" after the property name, found ${describe(text[pos])}`);
      pos++;
      value();
      ws();
      if (text[pos] === ',') {
        const comma = pos;
        pos++;
        ws();
        if (text[pos] === '}') fail('trailing comma before "}"', comma);
        continue;
      }
      if (text[pos] === '}') {
        pos++;
        return;
      }
      if (text[pos] === '"') fail('missing "," between properties');
      fail(`expected "," or "}", found ${describe(text[pos])}`);
    }
  };
  const array = (): void => {
    pos++; // [
    ws();
    if (text[pos] === ']') {
      pos++;
      return;
    }
    for (;;) {
      value();
      ws();
      if (text[pos] === ',') {
        const comma = pos;
        pos++;
        ws();
        if (text[pos] === ']') fail('trailing comma before "]"', comma);
        continue;
      }
      if (text[pos] === ']') {
        pos++;
        return;
      }
      fail(`expected "," or "]", found ${describe(text[pos])}`);
    }
  };
  const string = (): void => {
    const start = pos;
    pos++; // "
    for (;;) {
      const c = text[pos];
      if (c === undefined || c === '\n') fail('unterminated string', start);
      if (c === '"') {
        pos++;
        return;
      }
      if (c === '\\') {
        const e = text[pos + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) fail('invalid \\u escape');
          pos += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) fail(`invalid escape "\\${e ?? ''}"`);
        pos += 2;
        continue;
      }
      if (c!.charCodeAt(0) < 0x20) fail('control character in string (write it as an escape, e.g. \\t)');
      pos++;
    }
  };
  const number = (): void => {
    const re = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) fail('invalid number');
    pos += m![0].length;
    const next = text[pos];
    if (next !== undefined && /[0-9A-Za-z.]/.test(next)) fail('invalid number');
  };
  try {
    value();
    ws();
    if (pos < text.length) fail(`unexpected ${describe(text[pos])} after the end of the JSON value`);
    return undefined;
  } catch (e) {
    if (e && typeof e === 'object' && 'jsonErrorAt' in e) {
      const err = e as { jsonErrorAt: number; reason: string };
      return { offset: err.jsonErrorAt, reason: err.reason };
    }
    return undefined; // e.g. stack overflow on absurd nesting: fall back to V8's message
  }
}

// ---------------------------------------------------------------------------------------------
// Validation

let validator: ValidateFunction | undefined;

function getValidator(): ValidateFunction {
  // allErrors: report everything at once. verbose: errors carry the data and parent schema, for
  // messages. discriminator: sutControl's oneOf is resolved by `type`, so errors come from the
  // branch the user meant. Deliberately no removeAdditional / useDefaults / coerceTypes.
  validator ??= new Ajv({ allErrors: true, verbose: true, discriminator: true }).compile(configSchema);
  return validator;
}

const SUT_CONTROL_TYPES = ['manual', 'http', 'command', 'builtin'];

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Formats a JSON pointer as `a.b[2]["odd key"]`, using the data to tell array indexes from keys. */
function fieldPath(pointer: string, data: unknown): string {
  if (pointer === '') return '';
  let out = '';
  let cur: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur)) {
      out += `[${seg}]`;
      cur = cur[Number(seg)];
    } else {
      out = joinKey(out, seg);
      cur = isPlainObject(cur) ? cur[seg] : undefined;
    }
  }
  return out;
}

function joinKey(path: string, key: string): string {
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return path === '' ? key : `${path}.${key}`;
  return `${path}[${JSON.stringify(key)}]`;
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  const s = JSON.stringify(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length]!;
}

function suggest(unknown: string, known: string[]): string {
  const lower = unknown.toLowerCase();
  const best = known
    .map((k) => ({ k, d: k.toLowerCase() === lower ? 0 : editDistance(lower, k.toLowerCase()) }))
    .sort((x, y) => x.d - y.d)[0];
  return best && best.d <= Math.max(1, Math.floor(unknown.length / 4)) ? ` (did you mean "${best.k}"?)` : '';
}

/** Turns Ajv errors into one human line per problem, each naming the field. */
function formatErrors(errors: ErrorObject[], data: unknown): string[] {
  const out: string[] = [];
  const sutType = isPlainObject(data) && isPlainObject(data['sutControl']) ? data['sutControl']['type'] : undefined;
  const typeList = SUT_CONTROL_TYPES.map((t) => `"${t}"`).join(', ');
  for (const e of errors) {
    const path = fieldPath(e.instancePath, data);
    const at = path === '' ? 'configuration' : path;
    const inSutBranch = e.schemaPath.includes('/sutControl/oneOf/');
    const got = `, got ${describeValue(e.data)}`;
    switch (e.keyword) {
      case 'required': {
        const field = joinKey(path, String(e.params['missingProperty']));
        if (inSutBranch) out.push(`${field}: required when type is ${JSON.stringify(sutType)}`);
        else if (field === 'sutControl.type') out.push(`sutControl.type: required (one of ${typeList})`);
        else out.push(`${field}: required`);
        break;
      }
      case 'dependencies': {
        const field = joinKey(path, String(e.params['missingProperty']));
        out.push(`${field}: required when ${String(e.params['property'])} is given`);
        break;
      }
      case 'additionalProperties': {
        const prop = String(e.params['additionalProperty']);
        const parent = e.parentSchema as { properties?: Record<string, unknown> } | undefined;
        const known = Object.keys(parent?.properties ?? {}).filter((k) => k !== 'type' || !inSutBranch);
        const where = path === '' ? ' at the top level' : ` in ${path}`;
        const branch = inSutBranch ? ` (type ${JSON.stringify(sutType)})` : '';
        out.push(`unknown field "${prop}"${where}${branch}${suggest(prop, known)}`);
        break;
      }
      case 'discriminator': {
        // A missing tag is already reported by `required`.
        if (e.params['error'] === 'tag' && e.params['tagValue'] === undefined) break;
        out.push(`${joinKey(path, 'type')}: must be one of ${typeList}, got ${describeValue(e.params['tagValue'])}`);
        break;
      }
      case 'type':
        out.push(`${at}: must be ${String(e.params['type'])}${path === '' ? ' (the file must hold a JSON object)' : got}`);
        break;
      case 'minimum':
      case 'exclusiveMinimum':
      case 'maximum':
      case 'exclusiveMaximum':
        out.push(`${at}: ${e.message ?? 'out of range'}${got}`);
        break;
      case 'minItems':
        out.push(`${at}: ${e.params['limit'] === 1 ? 'must not be empty' : e.message}`);
        break;
      case 'minLength':
        out.push(`${at}: ${e.params['limit'] === 1 ? 'must not be empty' : `must be at least ${String(e.params['limit'])} characters`}`);
        break;
      case 'maxLength':
        out.push(`${at}: must be at most ${String(e.params['limit'])} characters${got}`);
        break;
      case 'uniqueItems': {
        const [a, b] = [Number(e.params['i']), Number(e.params['j'])].sort((x, y) => x - y);
        out.push(`${at}: must not contain duplicates (${at}[${a}] and ${at}[${b}] are equal)`);
        break;
      }
      case 'pattern':
        out.push(path === 'sutControl.url' ? `${at}: must be an http:// or https:// URL${got}` : `${at}: ${e.message}${got}`);
        break;
      default:
        out.push(`${at}: ${e.message ?? 'is invalid'}`);
    }
  }
  return [...new Set(out)];
}

/** Validates one layer (file or overrides) and maps features to profile names. */
function checkLayer(data: unknown, prefix: string): { problems: string[]; features?: Profile[] } {
  const validate = getValidator();
  const problems = validate(data) ? [] : formatErrors(validate.errors ?? [], data);
  let features: Profile[] | undefined;
  if (isPlainObject(data) && Array.isArray(data['features'])) {
    features = [];
    data['features'].forEach((f, i) => {
      if (typeof f !== 'string' || f === '') return; // already reported by the schema
      const p = parseProfile(f);
      if (p) {
        if (!features!.includes(p)) features!.push(p);
      } else {
        problems.push(`features[${i}]: unknown profile ${JSON.stringify(f)} (known: ${PROFILES.join(', ')})`);
      }
    });
  }
  return { problems: problems.map((p) => prefix + p), features };
}

/** Drops keys whose value is undefined (CLI parsers leave them for absent flags). */
function stripUndefined(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripUndefined);
  if (!isPlainObject(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = stripUndefined(x);
  return out;
}

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Plain objects merge key by key; arrays, scalars and sutControl replace wholesale. */
function mergeInto(base: Record<string, unknown>, patch: Record<string, unknown>, topLevel: boolean): void {
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined || UNSAFE_KEYS.has(k)) continue;
    if (topLevel && (k === '$schema' || k === '$comment')) continue;
    const cur = base[k];
    if (isPlainObject(cur) && isPlainObject(v) && !(topLevel && k === 'sutControl')) mergeInto(cur, v, false);
    else base[k] = structuredClone(v);
  }
}

/**
 * Resolves the run configuration: defaults, then the file (validated), then the command-line
 * overrides (validated too; CLI wins). Throws ConfigError listing every problem found.
 */
export function resolveConfig(
  fileData: unknown | undefined,
  overrides: ConfigOverrides = {},
  options: ResolveOptions = {},
): HarnessConfig {
  const problems: string[] = [];
  const layers: Record<string, unknown>[] = [];
  if (fileData !== undefined) {
    const r = checkLayer(fileData, '');
    problems.push(...r.problems);
    if (isPlainObject(fileData)) layers.push(r.features ? { ...fileData, features: r.features } : fileData);
  }
  const ov = stripUndefined(overrides);
  const r = checkLayer(ov, 'command line: ');
  problems.push(...r.problems);
  if (isPlainObject(ov)) layers.push(r.features ? { ...ov, features: r.features } : ov);

  if (problems.length > 0) {
    const where = options.source ? ` in ${options.source}` : '';
    const n = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    throw new ConfigError(`invalid configuration${where} (${n}):\n${problems.map((p) => `  - ${p}`).join('\n')}`, problems);
  }
  const cfg = defaultConfig() as unknown as Record<string, unknown>;
  for (const layer of layers) mergeInto(cfg, layer, true);
  return cfg as unknown as HarnessConfig;
}

// ---------------------------------------------------------------------------------------------
// Redaction

/** Replaces a password embedded in a URL (`http://user:secret@host`) with `***`. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password === '') return url;
    u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

/** A copy of the configuration fit for reports and logs: secrets replaced by "***". */
export function redactConfig(cfg: HarnessConfig): HarnessConfig {
  const out = structuredClone(cfg);
  if (out.basicAuthPassword !== undefined) out.basicAuthPassword = '***';
  if (out.security?.basicAuthPassword !== undefined) out.security.basicAuthPassword = '***';
  // `key` is a file path; should someone paste the PEM itself, it is masked too.
  if (out.security?.key?.includes('PRIVATE KEY')) out.security.key = '***';
  if (out.sutControl.type === 'http') out.sutControl.url = redactUrl(out.sutControl.url);
  return out;
}
