// The TLS the whitepaper allows, in one place.
//
// Security Whitepaper ed. 3 §2.4.1 (A00.FR.312, A00.FR.317) and §2.5.1 (A00.FR.416, A00.FR.421): TLS 1.2
// or above, and the Central System supports at least these four suites (IANA name → OpenSSL name).
// A00.FR.324/428 allow TLS_RSA_WITH_AES_128_CBC_SHA only for legacy TLS 1.0/1.1 chargers: the harness
// does not offer it (A00.FR.319/423: nothing marked unsuitable), so such a charger is refused and the
// trace says why.
export const WHITEPAPER_CIPHER_SUITES = [
  { iana: 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', openssl: 'ECDHE-ECDSA-AES128-GCM-SHA256' },
  { iana: 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', openssl: 'ECDHE-ECDSA-AES256-GCM-SHA384' },
  { iana: 'TLS_RSA_WITH_AES_128_GCM_SHA256', openssl: 'AES128-GCM-SHA256' },
  { iana: 'TLS_RSA_WITH_AES_256_GCM_SHA384', openssl: 'AES256-GCM-SHA384' },
] as const;

/** TLS 1.3 suites, offered only when tlsMaxVersion is TLSv1.3 ("TLS v1.2 or above"); all AEAD. */
export const TLS13_CIPHER_SUITES = ['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384'] as const;

export type TlsVersion = 'TLSv1.2' | 'TLSv1.3';

/** The `ciphers` string for Node's tls: the whitepaper's suites, plus the TLS 1.3 ones when allowed. */
export function cipherList(maxVersion: TlsVersion): string {
  const tls12 = WHITEPAPER_CIPHER_SUITES.map((s) => s.openssl);
  return (maxVersion === 'TLSv1.3' ? [...TLS13_CIPHER_SUITES, ...tls12] : tls12).join(':');
}

/** True when a negotiated suite (IANA or OpenSSL name) is one the whitepaper allows. */
export function isWhitepaperSuite(name: string): boolean {
  return WHITEPAPER_CIPHER_SUITES.some((s) => s.iana === name || s.openssl === name)
    || (TLS13_CIPHER_SUITES as readonly string[]).includes(name);
}

export const TLS_MIN_VERSION = 'TLSv1.2' as const;
export const DEFAULT_TLS_MAX_VERSION: TlsVersion = 'TLSv1.2';
