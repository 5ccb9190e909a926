// Small parsers for command-line values, with messages that say what was wrong.
import type { Sut } from '../trace/types.js';

export class UsageError extends Error {
  override name = 'UsageError';
  readonly exitCode = 2;
}

export function parseHostPort(text: string, flag: string): { host: string; port: number } {
  const match = /^(?:\[([^\]]+)\]|([^:]*)):(\d{1,5})$/.exec(text) ?? /^()()(\d{1,5})$/.exec(text);
  if (!match) throw new UsageError(`${flag}: expected HOST:PORT (e.g. 0.0.0.0:9000), got "${text}"`);
  const port = Number(match[3]);
  if (port > 65535) throw new UsageError(`${flag}: port ${port} is out of range`);
  return { host: match[1] || match[2] || '0.0.0.0', port };
}

export function parseList(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter(Boolean);
}

export function parseSides(text: string): Sut[] {
  switch (text) {
    case 'charge-point': return ['ChargePoint'];
    case 'csms': return ['Csms'];
    case 'all': return ['ChargePoint', 'Csms'];
    default: throw new UsageError(`unknown system under test "${text}": use charge-point, csms or all`);
  }
}

export function parseWsUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--url: not a URL: "${text}"`);
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') throw new UsageError(`--url: must start with ws:// or wss://, got "${text}"`);
  return text;
}

export function defaultReportDir(now = new Date()): string {
  return `reports/${now.toISOString().replace(/[:.]/g, '-').replace('T', '_').slice(0, 19)}`;
}

/** `--security-profile`: 0, 1, 2 or 3 (Security Whitepaper ed. 3 §2.1). */
export function parseSecurityProfile(text: string): 0 | 1 | 2 | 3 {
  if (!/^[0-3]$/.test(text.trim())) throw new UsageError(`--security-profile: 0, 1, 2 or 3, got "${text}"`);
  return Number(text.trim()) as 0 | 1 | 2 | 3;
}
