// One generated test PKI per test file (generation takes ~0.5 s), in a temporary directory.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_PKI_OPTIONS, generatePki, type PkiOptions } from '../../harness/security/generate-pki.js';
import { certFile, keyFile, type PkiEntryName, type PkiManifest } from '../../harness/security/pki-layout.js';

export interface TestPki {
  dir: string;
  manifest: PkiManifest;
  cert(name: PkiEntryName): string;
  key(name: PkiEntryName): string;
  remove(): Promise<void>;
}

export async function makeTestPki(options: Partial<PkiOptions> = {}): Promise<TestPki> {
  const dir = await mkdtemp(join(tmpdir(), 'ocpp-harness-pki-'));
  const { manifest } = await generatePki(dir, { ...DEFAULT_PKI_OPTIONS, identity: 'CP001', ...options });
  return {
    dir, manifest,
    cert: (name) => readFileSync(join(dir, certFile(name)), 'utf8'),
    key: (name) => readFileSync(join(dir, keyFile(name)), 'utf8'),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
