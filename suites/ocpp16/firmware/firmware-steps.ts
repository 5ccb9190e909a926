// What the Firmware Management cases with the CSMS under test share: asking the CSMS for the request,
// honouring its retrieveDate, and the charge point's status notifications. Not a case (discovery
// only loads files named TC_… / X…).
import type { HarnessConfig } from '../../../harness/config/types.js';
import type { CaseLink } from '../../../harness/dsl/case-link.js';
import type { CsmsSutContext } from '../../../harness/dsl/context.js';
import { Inconclusive } from '../../../harness/dsl/errors.js';

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
