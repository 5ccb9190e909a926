// The CSMS-initiated OCPP 2.0.1 requests the reference CSMS sends on request (its SUT-control
// vocabulary), the defaults it fills in for fields a tester need not care about, and the request
// faults (one place per quirk).

import type { IdTokenAuthority } from './id-tokens.js';
import type { Csms201Quirk } from './quirks.js';
import { asRecord } from './shared.js';
import type { TransactionBook } from './transactions.js';

/** Every request a CSMS sends a charging station in OCPP 2.0.1. */
export const CSMS_201_REQUESTS = [
  'CancelReservation', 'CertificateSigned', 'ChangeAvailability', 'ClearCache', 'ClearChargingProfile',
  'ClearDisplayMessage', 'ClearVariableMonitoring', 'CostUpdated', 'CustomerInformation', 'DataTransfer',
  'DeleteCertificate', 'GetBaseReport', 'GetChargingProfiles', 'GetCompositeSchedule', 'GetDisplayMessages',
  'GetInstalledCertificateIds', 'GetLocalListVersion', 'GetLog', 'GetMonitoringReport', 'GetReport',
  'GetTransactionStatus', 'GetVariables', 'InstallCertificate', 'PublishFirmware', 'RequestStartTransaction',
  'RequestStopTransaction', 'ReserveNow', 'Reset', 'SendLocalList', 'SetChargingProfile', 'SetDisplayMessage',
  'SetMonitoringBase', 'SetMonitoringLevel', 'SetNetworkProfile', 'SetVariableMonitoring', 'SetVariables',
  'TriggerMessage', 'UnlockConnector', 'UnpublishFirmware', 'UpdateFirmware',
] as const;

/** Requests whose schema requires a requestId: numbered by the CSMS when none is asked for. */
const NEEDS_REQUEST_ID = new Set(['CustomerInformation', 'GetBaseReport', 'GetChargingProfiles', 'GetDisplayMessages', 'GetLog', 'GetMonitoringReport', 'GetReport', 'PublishFirmware', 'UpdateFirmware']);

type Payload = Record<string, unknown>;

export interface RequestContext {
  identity: string;
  quirks: ReadonlySet<Csms201Quirk>;
  tokens: IdTokenAuthority;
  transactions: TransactionBook;
  nextRequestId: () => number;
  nextRemoteStartId: () => number;
}

/** The request as sent: what was asked, its defaults filled in, and where a quirk deviates. */
export function prepareRequest(action: string, asked: Payload, ctx: RequestContext): Payload {
  const payload: Payload = { ...asked };
  const q = ctx.quirks;
  if (NEEDS_REQUEST_ID.has(action) && payload.requestId === undefined) payload.requestId = ctx.nextRequestId();
  if (action === 'RequestStartTransaction') {
    payload.idToken ??= { idToken: ctx.tokens.firstAccepted, type: 'ISO14443' };
    payload.remoteStartId ??= ctx.nextRemoteStartId();
    if (q.has('request-start-wrong-id-token')) payload.idToken = { ...asRecord(payload.idToken), idToken: `${String(asRecord(payload.idToken).idToken)}X` };
    const token = asRecord(payload.idToken).idToken;
    if (typeof token === 'string') ctx.tokens.rememberOwn(token);
  }
  if (action === 'RequestStopTransaction') {
    payload.transactionId ??= ctx.transactions.lastOngoing(ctx.identity)?.transactionId;
    // Another id of the same length: a suffix could pass the 36-character limit and never be sent.
    if (q.has('request-stop-wrong-transaction') && typeof payload.transactionId === 'string') payload.transactionId = otherTransactionId(payload.transactionId);
  }
  if (action === 'GetTransactionStatus' && q.has('get-transaction-status-always-with-id') && payload.transactionId === undefined) {
    const last = ctx.transactions.last(ctx.identity);
    if (last) payload.transactionId = last.transactionId;
  }
  if (action === 'Reset') {
    if (q.has('reset-type-swapped')) payload.type = payload.type === 'Immediate' ? 'OnIdle' : 'Immediate';
    if (q.has('reset-without-evse-id')) delete payload.evseId;
  }
  if ((action === 'GetVariables' || action === 'SetVariables') && q.has('variables-first-item-only')) {
    const key = action === 'GetVariables' ? 'getVariableData' : 'setVariableData';
    if (Array.isArray(payload[key])) payload[key] = (payload[key] as unknown[]).slice(0, 1);
  }
  if (action === 'SetVariables' && q.has('set-variables-target-attribute') && Array.isArray(payload.setVariableData)) {
    payload.setVariableData = payload.setVariableData.map((d) => ({ ...asRecord(d), attributeType: 'Target' }));
  }
  if (action === 'ChangeAvailability') changeAvailabilityQuirks(payload, q);
  if (action === 'GetBaseReport' && q.has('base-report-summary-inventory')) payload.reportBase = 'SummaryInventory';
  if (action === 'TriggerMessage' && q.has('trigger-message-wrong-message')) payload.requestedMessage = 'Heartbeat';
  if (action === 'TriggerMessage' && q.has('trigger-message-without-evse')) delete payload.evse;
  if (action === 'UnlockConnector' && q.has('unlock-connector-wrong-connector') && typeof payload.connectorId === 'number') payload.connectorId += 1;
  if (action === 'SetNetworkProfile' && q.has('network-profile-ocpp16')) {
    payload.connectionData = { ...asRecord(payload.connectionData), ocppVersion: 'OCPP16' };
  }
  if (action === 'InstallCertificate' && q.has('install-certificate-type-swapped')) {
    const swap: Record<string, string> = { CSMSRootCertificate: 'ManufacturerRootCertificate', ManufacturerRootCertificate: 'CSMSRootCertificate' };
    if (typeof payload.certificateType === 'string' && swap[payload.certificateType]) payload.certificateType = swap[payload.certificateType];
  }
  if (action === 'GetInstalledCertificateIds' && q.has('installed-ids-always-csms-root')) payload.certificateType = ['CSMSRootCertificate'];
  if (action === 'GetLog' && q.has('get-log-type-swapped')) payload.logType = payload.logType === 'SecurityLog' ? 'DiagnosticsLog' : 'SecurityLog';
  if (action === 'DeleteCertificate' && q.has('delete-certificate-sha256')) {
    payload.certificateHashData = { ...asRecord(payload.certificateHashData), hashAlgorithm: 'SHA256' };
  }
  return payload;
}

/** Where the G-block request faults deviate from the ChangeAvailability asked for. */
function changeAvailabilityQuirks(payload: Payload, q: ReadonlySet<Csms201Quirk>): void {
  if (q.has('change-availability-status-swapped')) payload.operationalStatus = payload.operationalStatus === 'Operative' ? 'Inoperative' : 'Operative';
  const evse = payload.evse === undefined ? undefined : asRecord(payload.evse);
  if (evse && q.has('change-availability-evse-dropped')) delete payload.evse;
  else if (evse && evse.connectorId === undefined && q.has('change-availability-adds-connector')) payload.evse = { ...evse, connectorId: 1 };
  if (!evse && q.has('change-availability-station-as-evse-zero')) payload.evse = { id: 0 };
}

/** Another transactionId of the same length (its last character changed). */
function otherTransactionId(id: string): string {
  return id.length === 0 ? 'x' : `${id.slice(0, -1)}${id.endsWith('x') ? 'y' : 'x'}`;
}
