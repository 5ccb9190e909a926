// SignedUpdateFirmware (Security Whitepaper ed. 3 L01, §4.5): the signing certificate is verified
// against the installed manufacturer roots first (InvalidCertificate, and an
// InvalidFirmwareSigningCertificate event, when it does not chain or is out of its validity). Then at
// retrieveDateTime: Downloading, Downloaded (or DownloadFailed), the signature over the image checked
// with the certificate's key (SHA-256; InvalidSignature and an InvalidFirmwareSignature event when it
// fails, else SignatureVerified), Installing, a reboot into the new version, Installed and the
// FirmwareUpdated event. Every SignedFirmwareStatusNotification carries the requestId.
import { createPublicKey, verify } from 'node:crypto';
import { x509 } from '../../../../security/x509.js';
import { str } from '../../../../peers/peer-util.js';
import type { Connectors } from './connectors.js';
import type { CpCore } from './core.js';
import { download } from './file-transfer.js';
import { checkImage, fileNameOf } from './firmware.js';

export interface SignedFirmwareDeps {
  manufacturerRoots: () => readonly string[];
  event: (type: string, techInfo?: string) => void;
  setVersion: (version: string) => void;
  reboot: () => Promise<void>;
}

/** Why `pem` cannot sign firmware, or undefined when it chains to a trusted manufacturer root and is valid now. */
export async function signingCertificateProblem(pem: string, roots: readonly string[]): Promise<string | undefined> {
  let cert: x509.X509Certificate;
  try {
    cert = new x509.X509Certificate(pem);
  } catch (err) {
    return `not an X.509 certificate: ${(err as Error).message}`;
  }
  const now = new Date();
  if (cert.notBefore > now || cert.notAfter < now) return 'the signing certificate is not within its validity';
  for (const rootPem of roots) {
    const root = new x509.X509Certificate(rootPem);
    if (cert.issuer !== root.subject) continue;
    if (await cert.verify({ publicKey: root, signatureOnly: true }).catch(() => false)) return undefined;
  }
  return 'the signing certificate is not issued by an installed manufacturer root';
}

export class SignedFirmware {
  private busy = false;
  private status = 'Idle';
  private requestId = 0;
  private installedPending = false;

  constructor(private readonly core: CpCore, private readonly connectors: Connectors, private readonly deps: SignedFirmwareDeps, private readonly stepMs: number) {
    core.hooks.bootAccepted.push(() => {
      if (!this.installedPending) return;
      this.installedPending = false;
      this.notify('Installed');
      this.deps.event('FirmwareUpdated');
      this.busy = false;
    });
    core.handle('SignedUpdateFirmware', async (p) => {
      const fw = (p.firmware ?? {}) as Record<string, unknown>;
      const certificate = str(fw.signingCertificate) ?? '';
      const problem = await signingCertificateProblem(certificate, deps.manufacturerRoots());
      if (problem) {
        core.later('security event', () => deps.event('InvalidFirmwareSigningCertificate', problem.slice(0, 200)));
        return { status: 'InvalidCertificate' };
      }
      if (this.busy) return { status: 'Rejected' };
      this.requestId = typeof p.requestId === 'number' ? p.requestId : 0;
      const at = Date.parse(str(fw.retrieveDateTime) ?? '');
      const wait = Number.isFinite(at) ? Math.max(0, at - Date.now()) : 0;
      const retries = typeof p.retries === 'number' ? Math.max(0, p.retries) : 1;
      const retryIntervalS = typeof p.retryInterval === 'number' ? Math.max(0, p.retryInterval) : 1;
      this.busy = true;
      core.timers.after(Math.min(wait, 2 ** 31 - 1), () => core.bg('signed firmware update',
        this.run(str(fw.location) ?? '', certificate, str(fw.signature) ?? '', retries, retryIntervalS)));
      return { status: 'Accepted' };
    });
  }

  get triggeredStatus(): string {
    return this.busy ? this.status : 'Idle';
  }

  private notify(status: string): void {
    this.status = status;
    this.core.log(`signed firmware: ${status}`);
    void this.core.enqueue('SignedFirmwareStatusNotification', () => ({ status, requestId: this.requestId }));
  }

  private async run(location: string, certificate: string, signature: string, retries: number, retryIntervalS: number): Promise<void> {
    let installing = false;
    try {
      this.notify('Downloading');
      let bytes: Buffer | undefined;
      for (let attempt = 0; attempt <= retries && !bytes; attempt++) {
        if (attempt > 0 && !(await this.core.timers.sleep(retryIntervalS * 1000))) return;
        bytes = await download(location).catch((err: unknown) => {
          this.core.log(`signed firmware download attempt ${attempt + 1} failed: ${err instanceof Error ? err.message : String(err)}`);
          return undefined;
        });
      }
      if (!bytes) {
        this.notify('DownloadFailed');
        return;
      }
      this.notify('Downloaded');
      if (!(await this.core.timers.sleep(this.stepMs))) return;
      let valid = false;
      try {
        valid = verify('sha256', bytes, createPublicKey(certificate), Buffer.from(signature, 'base64'));
      } catch {
        valid = false;
      }
      // Quirk skips-firmware-signature-check: installs whatever it downloaded.
      if (!valid && !this.core.quirks.has('skips-firmware-signature-check')) {
        this.notify('InvalidSignature');
        this.deps.event('InvalidFirmwareSignature');
        return;
      }
      this.notify('SignatureVerified');
      while (this.connectors.all().some((c) => c.tx)) if (!(await this.core.timers.sleep(500))) return;
      this.connectors.firmwareInstalling = true;
      this.connectors.refreshAll();
      this.notify('Installing');
      if (!(await this.core.timers.sleep(this.stepMs))) return;
      const checked = checkImage(fileNameOf(location), bytes);
      if ('problem' in checked) {
        this.notify('InstallationFailed');
        this.connectors.firmwareInstalling = false;
        this.connectors.refreshAll();
        return;
      }
      this.deps.setVersion(checked.version);
      this.installedPending = true;
      installing = true;
      await this.deps.reboot();
    } finally {
      if (!installing) this.busy = false;
    }
  }
}
