// @peculiar/x509 on Node's own WebCrypto. The library resolves its services through tsyringe, which
// needs a Reflect polyfill loaded before it: import x509 from here, never from the package directly.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

export { x509 };
export const subtle = webcrypto.subtle as unknown as SubtleCrypto;
