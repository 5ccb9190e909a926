// What the Firmware Management cases with the CSMS under test share: the harness's own file servers
// (the firmware URL and upload directory the OCTT's test data gives the CSMS), asking the CSMS for the
// request with that location, honouring its retrieveDate, and the charge point's status notifications.
// Not a case (discovery only loads files named TC_… / X…).
import type { HarnessConfig } from '../../../harness/config/types.js';
import type { CaseLink } from '../../../harness/dsl/case-link.js';
import type { CsmsSutContext } from '../../../harness/dsl/context.js';
import { ExpectationUnmet, Inconclusive } from '../../../harness/dsl/errors.js';
import { startFileServers, type FileServers } from '../../../harness/files/file-servers.js';
import { firmwareImage } from '../../../harness/files/firmware-image.js';

export type Transport = 'http' | 'ftp';

/**
 * The transport of the location the harness gives the CSMS: `preferred` when the CSMS declares it in
 * `firmwareTransports`, else the first one it declares.
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

/** Version of the firmware image the harness offers (an ocpp-harness image names it). */
export const OFFERED_FIRMWARE_VERSION = '2.0.0';
const FIRMWARE_PATH = `/firmware/ocpp-harness-${OFFERED_FIRMWARE_VERSION}.bin`;
const MISSING_FIRMWARE_PATH = '/firmware/not-here.bin';
const DIAGNOSTICS_DIR = '/diagnostics/';
const REFUSING_DIAGNOSTICS_DIR = '/diagnostics-refused/';

/**
 * The harness's own HTTP and FTP servers for one case, closed when it ends: the OCTT gives the CSMS its
 * firmware URL and upload location as test data, so the harness hosts both. The harness, as the charge
 * point, is the only client, so a local address does.
 */
export async function withHarnessFiles<T>(cfg: HarnessConfig, fn: (files: HarnessFiles) => Promise<T>): Promise<T> {
  const servers = await startFileServers({ host: cfg.fileTransfer?.host ?? '127.0.0.1', advertisedHost: cfg.fileTransfer?.advertisedHost });
  try {
    return await fn(new HarnessFiles(servers));
  } finally {
    await servers.close().catch(() => undefined);
  }
}

export class HarnessFiles {
  constructor(private readonly servers: FileServers) {}

  private url(transport: Transport, path: string): string {
    return transport === 'ftp' ? this.servers.ftpUrl(path) : this.servers.httpUrl(path);
  }

  /** Where the harness serves a valid firmware image (TC_044_1, TC_044_3). */
  firmware(transport: Transport): string {
    this.servers.store.serve(FIRMWARE_PATH, firmwareImage({ bytes: 48 * 1024, version: OFFERED_FIRMWARE_VERSION, seed: 44 }));
    return this.url(transport, FIRMWARE_PATH);
  }

  /** A firmware location that serves nothing (HTTP 404, FTP 550): the download fails for real (TC_044_2). */
  missingFirmware(transport: Transport): string {
    this.servers.store.refuseDownloads(MISSING_FIRMWARE_PATH, { httpStatus: 404, ftpCode: 550 });
    return this.url(transport, MISSING_FIRMWARE_PATH);
  }

  /** A directory that takes diagnostics uploads (TC_045_1). */
  diagnostics(transport: Transport): string {
    return this.url(transport, DIAGNOSTICS_DIR);
  }

  /** A directory that refuses uploads (HTTP 403, FTP 550): the upload fails for real (TC_045_2). */
  refusingDiagnostics(transport: Transport): string {
    this.servers.store.refuseUploads(REFUSING_DIAGNOSTICS_DIR, { httpStatus: 403, ftpCode: 550 });
    return this.url(transport, REFUSING_DIAGNOSTICS_DIR);
  }
}

/** The location check of step 1: a tool validation in Table 156; ours (SHOULD, a declared deviation) elsewhere. */
export interface LocationCheck {
  /** The table validates the location (TC_044_1_CSMS): MUST, OCTT fails it. */
  validatedByTable: boolean;
  table: number;
}

/** The deviation every case declares whose table does not validate the location it asks for. */
export const LOCATION_DEVIATION = {
  what: 'Step 1: the request carries the location SUT control asked the CSMS to send (SHOULD)',
  why: 'the harness gives the CSMS its own file server URL, as the OCTT gives its test data; a CSMS that sends another location is told apart from one whose location does not work',
  source: 'OCTT 1.6 TCD 2024-04 Table 156 step 1 (firmware location from test data); OCPP 1.6 §5.9, §5.19',
};

/**
 * The CSMS sends UpdateFirmware (triggered through SUT control with the location and a retrieveDate of
 * now) and the harness answers it (charge-point defaults: UpdateFirmware.conf has no fields). Returns the
 * request's location and retrieveDate.
 */
export async function receiveUpdateFirmware(t: Pick<CsmsSutContext, 'sut' | 'cfg'>, link: CaseLink, location: string, check: LocationCheck) {
  await t.sut.do('UpdateFirmware', { location, retrieveDate: new Date().toISOString() });
  const call = await link.expectCall('UpdateFirmware', {
    match: { location },
    ...(check.validatedByTable ? {} : { level: 'SHOULD' as const }),
    requirement: check.validatedByTable
      ? `OCTT Table ${check.table} step 1: the location of UpdateFirmware.req is the firmware URL of the test data (OCPP 1.6 §5.19, §6.55)`
      : 'OCPP 1.6 §5.19, §6.55: UpdateFirmware.req carries the location the CSMS was asked to send (ours)',
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
  /** Table number; whether it validates the location of step 1. */
  location: LocationCheck;
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

  const { request, image } = await withHarnessFiles(cfg, async (files) => {
    const request = await step(1, 'The CSMS sends UpdateFirmware with the harness\'s firmware location and a retrieveDate; the charge point answers (steps 1–2)', () =>
      receiveUpdateFirmware({ sut, cfg }, link, files.firmware(transportFor(cfg, v.preferred)), v.location));

    const image = await step(3, 'After retrieveDate: FirmwareStatusNotification Downloading, and the download from the location (steps 3–4)', async () => {
      await untilRetrieveDate({ cfg, note, sleep }, request.retrieveDate);
      await firmwareStatus(link, 'Downloading');
      return transfers.downloadFrom(request.location, { requirement: DOWNLOAD_SERVED, octt: 'not-checked' });
    });
    return { request, image };
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
