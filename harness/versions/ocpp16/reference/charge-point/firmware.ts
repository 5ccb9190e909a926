// Firmware Management: UpdateFirmware (OCPP 1.6 §4.5, §5.19, chapter 8, errata 3.47–3.49, 3.63).
// At retrieveDate the charge point downloads `location` (HTTP(S) or FTP(S)), retrying `retries` times
// (default 1) every `retryInterval` seconds (default 1): FirmwareStatusNotification Downloading, then
// Downloaded or, when every attempt failed, DownloadFailed. It waits until no transaction runs, makes
// the charge point and its connectors Unavailable (§4.9, errata 3.49), then Installing; a corrupt
// image gives InstallationFailed (and Available again); a valid one is installed and the charge
// point reboots, and after the boot is accepted it reports its statuses (Available) and then
// Installed (first reboot, then Installed: the good practice of §5.19, as the OCTT sequence has it). TriggerMessage(FirmwareStatusNotification) gets the current status
// while busy, Idle otherwise.
//
// When is an image corrupt? (the rule test images are made by)
// - An image that starts with the 8 bytes "OCPPHFW1" is in the harness's self-checking format
//   (big-endian: magic | u32 total length | u8 version length | version | payload | SHA-256 of all
//   before it): valid when the length and the trailing SHA-256 match; its version becomes the
//   firmwareVersion of the next BootNotification.
// - Any other image is corrupt when its file name (last path segment of `location`) contains
//   "corrupt" (e.g. fw-corrupt.bin), or contains 64 hex digits that are not the SHA-256 of the bytes
//   (fw-<sha256 of the file>.bin is valid), or when it is empty. Its file name without extension
//   (cut to 50 characters) becomes the firmwareVersion.

import { createHash } from 'node:crypto';
import { str } from '../../../../peers/peer-util.js';
import type { Connectors } from './connectors.js';
import type { CpCore } from './core.js';
import { download } from './file-transfer.js';

type FirmwareStatus = 'Idle' | 'Downloading' | 'Downloaded' | 'DownloadFailed' | 'Installing' | 'Installed' | 'InstallationFailed';

export function fileNameOf(location: string): string {
  try {
    return decodeURIComponent(new URL(location).pathname.split('/').pop() ?? '');
  } catch {
    return '';
  }
}

const MAGIC = Buffer.from('OCPPHFW1', 'latin1');

/** The rule above: the version the image installs, or why it is corrupt. */
export function checkImage(name: string, bytes: Buffer): { version: string } | { problem: string } {
  if (bytes.length >= MAGIC.length && bytes.subarray(0, MAGIC.length).equals(MAGIC)) {
    if (bytes.length < MAGIC.length + 5 + 32 || bytes.readUInt32BE(MAGIC.length) !== bytes.length) return { problem: 'image length mismatch' };
    const versionEnd = MAGIC.length + 5 + bytes.readUInt8(MAGIC.length + 4);
    const body = bytes.subarray(0, bytes.length - 32);
    if (versionEnd > body.length) return { problem: 'image header broken' };
    if (!createHash('sha256').update(body).digest().equals(bytes.subarray(bytes.length - 32))) return { problem: 'image checksum mismatch' };
    return { version: bytes.subarray(MAGIC.length + 5, versionEnd).toString('latin1').slice(0, 50) || 'firmware' };
  }
  if (bytes.length === 0) return { problem: 'empty image' };
  if (/corrupt/i.test(name)) return { problem: 'the image is marked corrupt' };
  const expected = /[0-9a-f]{64}/i.exec(name)?.[0]?.toLowerCase();
  if (expected && createHash('sha256').update(bytes).digest('hex') !== expected) return { problem: 'SHA-256 mismatch' };
  return { version: (name.replace(/\.[^.]*$/, '') || 'firmware').slice(0, 50) };
}

export class Firmware {
  version = '0.1.0';
  status: FirmwareStatus = 'Idle';
  private busy = false;
  private installedPending = false;

  constructor(
    private readonly core: CpCore,
    private readonly connectors: Connectors,
    private readonly reboot: () => Promise<void>,
    private readonly stepMs: number,
    supported: boolean,
  ) {
    core.hooks.firmwareVersion = () => this.version;
    core.hooks.bootAccepted.push(() => {
      if (!this.installedPending) return;
      this.installedPending = false;
      this.notify('Installed');
      this.busy = false;
    });
    if (!supported) return;
    core.handle('UpdateFirmware', (p) => {
      const location = str(p.location)!;
      const at = Date.parse(str(p.retrieveDate) ?? '');
      const retries = typeof p.retries === 'number' ? Math.max(0, p.retries) : 1;
      const retryIntervalS = typeof p.retryInterval === 'number' ? Math.max(0, p.retryInterval) : 1;
      const wait = Number.isFinite(at) ? Math.max(0, at - Date.now()) : 0;
      this.core.log(`firmware update from ${location} in ${wait} ms`);
      this.core.timers.after(Math.min(wait, 2 ** 31 - 1), () => this.core.bg('firmware update', this.run(location, retries, retryIntervalS)));
      return {};
    });
  }

  /** Status for TriggerMessage(FirmwareStatusNotification). */
  get triggeredStatus(): FirmwareStatus {
    return this.busy ? this.status : 'Idle';
  }

  private notify(status: FirmwareStatus): void {
    this.status = status;
    this.core.log(`firmware: ${status}`);
    void this.core.enqueue('FirmwareStatusNotification', () => ({ status }));
  }

  private async run(location: string, retries: number, retryIntervalS: number): Promise<void> {
    if (this.busy) {
      this.core.log('firmware update already in progress; the new one is ignored');
      return;
    }
    this.busy = true;
    let installing = false;
    try {
      this.notify('Downloading');
      let bytes: Buffer | undefined;
      for (let attempt = 0; attempt <= retries && !bytes; attempt++) {
        if (attempt > 0 && !(await this.core.timers.sleep(retryIntervalS * 1000))) return;
        try {
          bytes = await download(location);
        } catch (err) {
          this.core.log(`firmware download attempt ${attempt + 1} failed: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      if (!bytes) {
        this.notify('DownloadFailed');
        return;
      }
      this.notify('Downloaded');
      // Errata 3.49: install once no charging session runs.
      while (this.connectors.all().some((c) => c.tx)) if (!(await this.core.timers.sleep(500))) return;
      if (!(await this.core.timers.sleep(this.stepMs))) return;
      // §4.9: Unavailable while the firmware is installed (idle connectors and the charge point).
      this.connectors.firmwareInstalling = true;
      this.connectors.refreshAll();
      if (!this.core.quirks.has('firmware-no-installing-status')) this.notify('Installing');
      if (!(await this.core.timers.sleep(this.stepMs))) return;
      const checked = checkImage(fileNameOf(location), bytes);
      if ('problem' in checked) {
        this.core.log(`firmware installation failed: ${checked.problem}`);
        this.notify('InstallationFailed');
        this.connectors.firmwareInstalling = false;
        this.connectors.refreshAll();
        return;
      }
      this.version = checked.version;
      this.installedPending = true;
      installing = true;
      await this.reboot();
    } finally {
      if (!installing) this.busy = false;
    }
  }
}
