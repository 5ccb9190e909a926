// The files of a test PKI directory and its manifest (pki.json). One name per certificate; each has
// `<name>.crt.pem` and, where the harness needs the key, `<name>.key.pem`.
import type { KeyKind } from './keys.js';

export const MANIFEST_FILE = 'pki.json';
export const MANIFEST_FORMAT = 'ocpp-harness-pki/1';

/** Every certificate `pki init` makes, and why it exists. */
export const PKI_ENTRIES = {
  'csms-root-ca': 'CPO root CA (Security Whitepaper §2.6.2, the Charge Point Operator hierarchy): issues the CSMS server and charge point certificates. A charger under test trusts this file (CentralSystemRootCertificate); a CSMS under test trusts it to accept the harness\'s client certificate',
  'csms-root-ca-2': 'CPO root CA 2, a CA certificate signed by csms-root-ca: the "new CSMS Root certificate 2" of the OCPP 2.0.1 migration tables (TC_B_47/50_CS), which with AdditionalRootCertificateCheck must be signed by the root it replaces (Part 2 M05.FR.10)',
  'csms-server-root-2': 'CSMS server certificate issued by csms-root-ca-2: what the "new CSMS" of TC_B_50_CS presents; sent with csms-root-ca-2 as intermediate it verifies under either root',
  'csms-server-rsa': 'CSMS server certificate, RSA 2048 (TLS_RSA_WITH_AES_*_GCM_* suites): CN = the host, SAN = the listen / advertised hosts',
  'csms-server-ec': 'CSMS server certificate, ECDSA P-256 (TLS_ECDHE_ECDSA_WITH_AES_*_GCM_* suites): CN = the host, SAN = the listen / advertised hosts',
  'charge-point-rsa': 'charge point client certificate (security profile 3), RSA 2048: CN = the identity (serial number), O = the CPO name',
  'charge-point-ec': 'charge point client certificate (security profile 3), ECDSA P-256: CN = the identity (serial number), O = the CPO name',
  'manufacturer-root-ca': 'Manufacturer root CA (§2.6.2, the Manufacturer hierarchy): issues the firmware signing certificate (ManufacturerRootCertificate)',
  'firmware-signing': 'firmware signing certificate (SignedUpdateFirmware, §4 L01), issued by the manufacturer root',
  'untrusted-root-ca': 'a root CA nobody trusts: issues the untrusted-root server certificate and the client certificate from an unknown CA',
  'bad-server-expired': 'negative: CSMS server certificate whose validity ended yesterday (a charger must refuse it: InvalidCentralSystemCertificate)',
  'bad-server-not-yet-valid': 'negative: CSMS server certificate valid only from tomorrow (a charger must refuse it)',
  'bad-server-wrong-host': 'negative: CSMS server certificate for another host name (a charger must refuse it)',
  'bad-server-untrusted-root': 'negative: CSMS server certificate from the untrusted root (a charger must refuse it)',
  'bad-client-unknown-ca': 'negative: charge point certificate for the identity, from the untrusted root (a CSMS must refuse it)',
  'bad-client-other-identity': 'negative: charge point certificate from the CPO root, for another identity (a CSMS must refuse it)',
} as const;

export type PkiEntryName = keyof typeof PKI_ENTRIES;

export interface ManifestEntry {
  description: string;
  /** File names, relative to the PKI directory. */
  cert: string;
  key?: string;
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  /** SHA-256 fingerprint of the DER certificate, upper-case hex with colons (as Node's fingerprint256). */
  fingerprint256: string;
  /** `RSA-2048` or `EC-P256`. */
  keyType: string;
  /** Server certificates: the hosts in the SAN. */
  hosts?: string[];
}

export interface PkiManifest {
  format: typeof MANIFEST_FORMAT;
  createdAt: string;
  /** The identity (charge point serial number) the client certificates are for. */
  identity: string;
  /** The CPO organisation: O of the CPO hierarchy, and the CpoName a charger puts in its CSR. */
  cpoName: string;
  hosts: string[];
  /** The key family of the roots and of the certificates `use` names. */
  keyKind: KeyKind;
  /** Which entries a run uses by default (the `--key` family). */
  use: { serverCert: PkiEntryName; clientCert: PkiEntryName; ca: PkiEntryName };
  entries: Record<PkiEntryName, ManifestEntry>;
}

export function certFile(name: PkiEntryName): string {
  return `${name}.crt.pem`;
}

export function keyFile(name: PkiEntryName): string {
  return `${name}.key.pem`;
}
