// What the Firmware Management cases with the CSMS under test share: asking the CSMS for the request,
// honouring its retrieveDate, and the charge point's status notifications. Not a case (discovery
// only loads files named TC_… / X…).
import type { HarnessConfig } from '../../../harness/config/types.js';
import type { CaseLink } from '../../../harness/dsl/case-link.js';
import type { CsmsSutContext } from '../../../harness/dsl/context.js';
import { ExpectationUnmet, Inconclusive } from '../../../harness/dsl/errors.js';

export type Transport = 'http' | 'ftp';

/**
 * The transport to ask SUT control for (`transport`, a hint the reference CSMS honours): `preferred`
 * when the CSMS declares it in `firmwareTransports`, else the first one it declares.
 */
export function transportFor(cfg: HarnessConfig, preferred: Transport): Transport {
  const declared = (cfg.declarationsBySut?.Csms ?? cfg.declarations).firmwareTransports;
  if (declared.includes(preferred)) return preferred;
  return declared.includes('http') ? 'http' : declared.includes('ftp') ? 'ftp' : preferred;
}

/** A charge point SHOULD start retrieving as soon as possible after retrieveDate (§5.19), and not before. */
export async function untilRetrieveDate(t: Pick<CsmsSutContext, 'cfg' | 'note' | 'sleep'>, retrieveDate: unknown): Promise<void> {
  const at = typeof retrieveDate === 'string' ? Date.parse(retrieveDate) : NaN;
  const wait = Number.isFinite(at) ? at - Date.now() : 0; // an invalid date is the schema check's finding
  if (wait <= 0) return;
  if (wait > t.cfg.timeouts.operatorMs) {
    throw new Inconclusive(`retrieveDate ${String(retrieveDate)} is ${Math.round(wait / 1000)} s away, more than timeouts.operatorMs allows the harness to wait`);
  }
  t.note(`waiting ${(wait / 1000).toFixed(1)} s for retrieveDate ${String(retrieveDate)} before retrieving the firmware`);
  await t.sleep(wait);
}

export const FIRMWARE_ANSWERED = 'OCPP 1.6 §4.5, §6.20: upon receipt of a FirmwareStatusNotification.req the CSMS SHALL respond with a FirmwareStatusNotification.conf';
export const DIAGNOSTICS_ANSWERED = 'OCPP 1.6 §4.4, §6.18: upon receipt of a DiagnosticsStatusNotification.req the CSMS SHALL respond with a DiagnosticsStatusNotification.conf';
const STATUS_ANSWERED = 'OCPP 1.6 §4.9: the CSMS answers StatusNotification';

export function firmwareStatus(link: CaseLink, status: string) {
  return link.call('FirmwareStatusNotification', { status }, { requirement: FIRMWARE_ANSWERED });
}

export function diagnosticsStatus(link: CaseLink, status: string) {
  return link.call('DiagnosticsStatusNotification', { status }, { requirement: DIAGNOSTICS_ANSWERED });
}

/** StatusNotification `status` for connector 0 and every connector, each answered. */
export async function reportConnectors(link: CaseLink, cfg: HarnessConfig, status: 'Available' | 'Unavailable'): Promise<void> {
  for (const connectorId of [0, ...cfg.connectorIds]) {
    await link.call('StatusNotification', { connectorId, errorCode: 'NoError', status, timestamp: new Date().toISOString() }, {
      requirement: STATUS_ANSWERED,
    });
  }
}

/**
 * The CSMS sends UpdateFirmware (triggered through SUT control; the location is the CSMS's own) and the
 * harness answers it (charge-point defaults: UpdateFirmware.conf has no fields). Returns the request.
 */
export async function receiveUpdateFirmware(t: Pick<CsmsSutContext, 'sut' | 'cfg'>, link: CaseLink, transport: Transport) {
  await t.sut.do('UpdateFirmware', { retrieveDate: new Date().toISOString(), transport });
  const call = await link.expectCall('UpdateFirmware', {
    match: { location: { present: true }, retrieveDate: { present: true } },
    requirement: 'OCPP 1.6 §5.19, §6.55: UpdateFirmware.req SHALL contain the date and time after which the charge point may retrieve the firmware and the location it can be downloaded from',
  });
  await call.replied;
  return { location: String(call.frame.payload.location), retrieveDate: call.frame.payload.retrieveDate };
}

export const DOWNLOAD_SERVED = 'OCPP 1.6 §5.19, §8.1: the location the CSMS supplies in UpdateFirmware.req is where the firmware can be downloaded, with the protocol its URL names';
export const UPLOAD_TAKEN = 'OCPP 1.6 §5.9, §6.25, §8.2: the location (directory) the CSMS supplies in GetDiagnostics.req is where the diagnostics file shall be uploaded, with the protocol its URL names';

/** A diagnostics log as a charge point would upload it: text, a few kilobytes, about this case's request. */
export function diagnosticsLog(identity: string, request: Record<string, unknown>): Buffer {
  const lines = [
    `ocpp-harness diagnostics of charge point ${identity}`,
    `requested: ${JSON.stringify({ ...request, location: undefined })}`, // no credentials in the log
    `generated: ${new Date().toISOString()}`,
  ];
  for (let i = 0; i < 96; i++) lines.push(`${String(i).padStart(4, '0')} INFO  connector 1 Available; heartbeat ok; meter ${1000 + i * 17} Wh`);
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

type Downloaded = NonNullable<Awaited<ReturnType<CsmsSutContext['transfers']['downloadFrom']>>>;

export interface FirmwareUpdateVariant {
  /** The transport to prefer (transportFor). */
  preferred: Transport;
  /** Title of step 9. */
  installTitle: string;
  /** Installs the downloaded image (notes what it did); returns the firmwareVersion to boot with, or undefined for the old one. */
  install(image: Downloaded, note: CsmsSutContext['note']): string | undefined;
  /** Why the connection closes for the reboot. */
  rebootReason: string;
  /** The FirmwareStatusNotification after the reboot. */
  finalStatus: 'Installed' | 'InstallationFailed';
}

/**
 * TC_044_1_CSMS / TC_044_3_CSMS, steps 1–16: UpdateFirmware, the real download, Downloaded, Unavailable,
 * Installing and reboot, BootNotification, Available, then the final FirmwareStatusNotification.
 */
export async function firmwareUpdateSequence(
  { cp, sut, cfg, step, note, sleep, transfers }: Pick<CsmsSutContext, 'cp' | 'sut' | 'cfg' | 'step' | 'note' | 'sleep' | 'transfers'>,
  v: FirmwareUpdateVariant,
): Promise<void> {
  const link = await cp.booted();

  const request = await step(1, 'The CSMS sends UpdateFirmware with a location and a retrieveDate; the charge point answers (steps 1–2)', () =>
    receiveUpdateFirmware({ sut, cfg }, link, transportFor(cfg, v.preferred)));

  const image = await step(3, 'After retrieveDate: FirmwareStatusNotification Downloading, and the download from the location (steps 3–4)', async () => {
    await untilRetrieveDate({ cfg, note, sleep }, request.retrieveDate);
    await firmwareStatus(link, 'Downloading');
    return transfers.downloadFrom(request.location, { requirement: DOWNLOAD_SERVED });
  });
  if (!image) {
    await firmwareStatus(link, 'DownloadFailed');
    throw new ExpectationUnmet(`the firmware could not be downloaded from ${request.location}: the update cannot go on`);
  }
  note(`downloaded ${image.bytes.length} bytes, sha256 ${image.sha256}`);

  await step(5, 'FirmwareStatusNotification Downloaded; the CSMS answers (steps 5–6)', () => firmwareStatus(link, 'Downloaded'));

  await step(7, 'StatusNotification Unavailable for connector 0 and every connector; the CSMS answers (steps 7–8)', () =>
    reportConnectors(link, cfg, 'Unavailable'));

  const version = await step(9, v.installTitle, async () => {
    await firmwareStatus(link, 'Installing');
    const installed = v.install(image, note);
    await link.close(1001, v.rebootReason);
    return installed;
  });

  const rebooted = await cp.reconnect();
  const bootTitle = version === undefined
    ? 'After the reboot: BootNotification; the CSMS accepts it (steps 11–12)'
    : `After the reboot: BootNotification with firmwareVersion ${version}; the CSMS accepts it (steps 11–12)`;
  await step(11, bootTitle, async () => {
    const boot = await rebooted.call('BootNotification', {
      chargePointVendor: 'ocpp-harness', chargePointModel: 'virtual-cp', ...(version === undefined ? {} : { firmwareVersion: version }),
    }, {
      expect: { status: 'Accepted', interval: { minimum: 0 } },
      requirement: 'OCPP 1.6 §4.2: the CSMS answers the BootNotification a charge point sends after a reboot with its status, current time and heartbeat interval; a known charge point is Accepted',
    });
    if (boot.payload.status === 'Accepted') rebooted.link.state.bootStatus = 'Accepted';
  });

  await step(13, 'StatusNotification Available for connector 0 and every connector; the CSMS answers (steps 13–14)', () =>
    reportConnectors(rebooted, cfg, 'Available'));

  await step(15, `FirmwareStatusNotification ${v.finalStatus}; the CSMS answers (steps 15–16)`, () => firmwareStatus(rebooted, v.finalStatus));
}
