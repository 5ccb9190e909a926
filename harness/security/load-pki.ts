// Reads a PKI directory made by `pki init`: the manifest and the PEM files a run needs.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MANIFEST_FILE, MANIFEST_FORMAT, type PkiEntryName, type PkiManifest } from './pki-layout.js';

export class PkiError extends Error {
  override name = 'PkiError';
}

export async function readManifest(dir: string): Promise<PkiManifest> {
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST_FILE), 'utf8');
  } catch {
    throw new PkiError(`${dir}: no ${MANIFEST_FILE} (make one with: ocpp-harness pki init ${dir})`);
  }
  let manifest: PkiManifest;
  try {
    manifest = JSON.parse(text) as PkiManifest;
  } catch (err) {
    throw new PkiError(`${join(dir, MANIFEST_FILE)}: invalid JSON: ${(err as Error).message}`);
  }
  if (manifest?.format !== MANIFEST_FORMAT) throw new PkiError(`${join(dir, MANIFEST_FILE)}: not an ${MANIFEST_FORMAT} manifest`);
  return manifest;
}

/** The PEM text of one entry's certificate or key. */
export async function readEntryPem(dir: string, manifest: PkiManifest, name: PkiEntryName, part: 'cert' | 'key'): Promise<string> {
  const entry = manifest.entries[name];
  const file = entry?.[part];
  if (!file) throw new PkiError(`${dir}: the manifest has no ${part} for ${name}`);
  return readPemFile(join(dir, file));
}

export async function readPemFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    throw new PkiError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}
