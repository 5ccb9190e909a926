// HTTP Basic authentication of security profiles 1 and 2 (Security Whitepaper ed. 3 §2.3, §2.4):
// `Authorization: Basic base64(<ChargePointId>:<AuthorizationKey>)`. The username is the identity in
// the URL (A00.FR.204/303); the password is the AuthorizationKey configuration key *as configured*: the
// whitepaper (A00.FR.205/304, §7.2) and the OCTT (TC_085_CS step 1: "<Configured AuthorizationKey>")
// keep it as its hexadecimal text of 16–40 characters, and that text is what goes on the wire. A charger
// that hex-decodes the key and sends the raw bytes instead is told so (a common misreading).
import { timingSafeEqual } from 'node:crypto';

export type BasicAuthVerdict =
  | { ok: true }
  | { ok: false; code: BasicAuthProblem; reason: string };

export type BasicAuthProblem =
  | 'BASIC_AUTH_MISSING' | 'BASIC_AUTH_NOT_BASIC' | 'BASIC_AUTH_MALFORMED'
  | 'BASIC_AUTH_WRONG_USER' | 'BASIC_AUTH_HEX_DECODED' | 'BASIC_AUTH_WRONG_PASSWORD';

export function basicAuthHeader(identity: string, password: string): string {
  return `Basic ${Buffer.from(`${identity}:${password}`, 'utf8').toString('base64')}`;
}

function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Judges an Authorization header; the reason never contains the password (it goes into the trace). */
export function checkBasicAuth(header: string | undefined, identity: string, password: string): BasicAuthVerdict {
  if (header === undefined || header === '') {
    return { ok: false, code: 'BASIC_AUTH_MISSING', reason: 'no Authorization header (A00.FR.203/302: a username and password with every connection request)' };
  }
  const m = /^\s*(\S+)\s+(\S*)\s*$/.exec(header);
  if (!m || m[1]!.toLowerCase() !== 'basic') {
    return { ok: false, code: 'BASIC_AUTH_NOT_BASIC', reason: `Authorization scheme ${JSON.stringify(m?.[1] ?? header.split(' ')[0])}, not Basic (A00.FR.202/301)` };
  }
  const token = m[2]!;
  const decoded = Buffer.from(token, 'base64');
  const colon = decoded.indexOf(0x3a);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(token) || colon < 0) {
    return { ok: false, code: 'BASIC_AUTH_MALFORMED', reason: 'the Basic credentials are not base64 of "<identity>:<password>" (RFC 7617)' };
  }
  const user = decoded.subarray(0, colon).toString('utf8');
  const sent = decoded.subarray(colon + 1);
  if (user !== identity) {
    return { ok: false, code: 'BASIC_AUTH_WRONG_USER', reason: `username ${JSON.stringify(user)} is not the identity ${JSON.stringify(identity)} of the URL (A00.FR.204/303)` };
  }
  if (sameBytes(sent, Buffer.from(password, 'utf8'))) return { ok: true };
  if (/^(?:[0-9a-fA-F]{2})+$/.test(password) && sameBytes(sent, Buffer.from(password, 'hex'))) {
    return { ok: false, code: 'BASIC_AUTH_HEX_DECODED', reason: 'the password is the AuthorizationKey hex-decoded to bytes; the whitepaper and the OCTT send the configured key text itself' };
  }
  return { ok: false, code: 'BASIC_AUTH_WRONG_PASSWORD', reason: `the password (${sent.length} bytes) is not the configured AuthorizationKey` };
}

/** Problems with an AuthorizationKey value itself (A00.FR.205/304, §7.2; TC_085_CS step 1). Empty when fine. */
export function authorizationKeyProblems(key: string): string[] {
  const problems: string[] = [];
  if (key.length < 16) problems.push(`${key.length} characters: at least 16 (A00.FR.205/304)`);
  if (key.length > 40) problems.push(`${key.length} characters: at most 40 (20 bytes as hexadecimal, A00.FR.205/304)`);
  if (!/^[0-9a-fA-F]*$/.test(key)) problems.push('not hexadecimal (A00.FR.205/304: "Hexadecimal represented")');
  return problems;
}
