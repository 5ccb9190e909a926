// Key pairs for the test PKI: RSA 2048 and ECDSA P-256, the two families the whitepaper names
// (Security Whitepaper ed. 3 §2.6.1, A00.FR.502/503: RSA ≥ 2048 bits, EC ≥ 224 bits).
import { createPrivateKey } from 'node:crypto';
import { subtle, x509 } from './x509.js';

export type KeyKind = 'rsa' | 'ec';

export const RSA_SIGNING: RsaHashedKeyGenParams = {
  name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256',
};
export const EC_SIGNING: EcKeyGenParams & { hash: string } = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };

export function signingAlgorithm(kind: KeyKind): Algorithm {
  return kind === 'rsa' ? RSA_SIGNING : EC_SIGNING;
}

/** Shown in pki.json and messages: `RSA-2048`, `EC-P256`. */
export function keyLabel(kind: KeyKind): string {
  return kind === 'rsa' ? 'RSA-2048' : 'EC-P256';
}

export async function generateKeyPair(kind: KeyKind): Promise<CryptoKeyPair> {
  return subtle.generateKey(signingAlgorithm(kind), true, ['sign', 'verify']) as Promise<CryptoKeyPair>;
}

/** PKCS#8 PEM, unencrypted: test keys, written 0600 and redacted from every report. */
export async function privateKeyPem(key: CryptoKey): Promise<string> {
  return x509.PemConverter.encode(await subtle.exportKey('pkcs8', key), 'PRIVATE KEY');
}

/** Imports a PEM private key (PKCS#8, PKCS#1 or SEC1) as a WebCrypto signing key; says which kind it is. */
export async function importPrivateKeyPem(pem: string): Promise<{ key: CryptoKey; kind: KeyKind }> {
  const keyObject = createPrivateKey(pem);
  const type = keyObject.asymmetricKeyType;
  const der = keyObject.export({ type: 'pkcs8', format: 'der' });
  if (type === 'rsa') {
    return { key: await subtle.importKey('pkcs8', der, RSA_SIGNING, false, ['sign']), kind: 'rsa' };
  }
  if (type === 'ec') {
    const curve = keyObject.asymmetricKeyDetails?.namedCurve;
    const namedCurve = curve === 'prime256v1' ? 'P-256' : curve === 'secp384r1' ? 'P-384' : curve === 'secp521r1' ? 'P-521' : undefined;
    if (!namedCurve) throw new Error(`unsupported EC curve ${curve ?? '(unknown)'}: use P-256, P-384 or P-521`);
    return { key: await subtle.importKey('pkcs8', der, { name: 'ECDSA', namedCurve }, false, ['sign']), kind: 'ec' };
  }
  throw new Error(`unsupported private key type ${type ?? '(unknown)'}: use RSA or EC`);
}
