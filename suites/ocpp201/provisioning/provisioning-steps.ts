// What the 2.0.1 provisioning cases with the CSMS under test share: the harness station's boot, its
// connector reports (StatusNotification + NotifyEvent AvailabilityState, as Part 6 §3 writes them), the
// reusable state EnergyTransferStarted (Part 6 Table 703, through Authorized, Table 702) and the reboot
// after a Reset. Not a case (discovery only loads files named TC_… / X…).
import type { HarnessConfig } from '../../../harness/config/types.js';
import type { Matcher } from '../../../harness/checks/match.js';
import type { CaseLink, CallResultOk } from '../../../harness/dsl/case-link.js';
import type { CsmsSutContext } from '../../../harness/dsl/context.js';
import { ExpectationUnmet } from '../../../harness/dsl/errors.js';
import { evseIdsOf } from '../../../harness/versions/ocpp201/module.js';

type BootStatus = 'Accepted' | 'Pending' | 'Rejected';

const now = () => new Date().toISOString();

/** The one connector of each EVSE of the harness station (evseIdsOf). */
const CONNECTOR_ID = 1;

/** Counters of the harness station that must grow across the messages of one connection. */
interface StationCounters {
  notifyEventSeqNo: number;
  eventId: number;
  transactionSeqNo: Map<string, number>;
  transactionNo: number;
}

function counters(link: CaseLink): StationCounters {
  return ((link.link.state.station201 as StationCounters | undefined) ??= { notifyEventSeqNo: 0, eventId: 1, transactionSeqNo: new Map(), transactionNo: 0 });
}

/** BootNotificationRequest of the harness station (Part 6: reason, configured model and vendorName). */
export function bootPayload(reason: string): Record<string, unknown> {
  return { reason, chargingStation: { model: 'virtual-cs', vendorName: 'ocpp-harness' } };
}

/** Send a BootNotification; the link remembers the status the CSMS gave (Booted needs Accepted). */
export async function boot(link: CaseLink, reason: string, opts: { expect?: Matcher; requirement: string; octt?: 'fails' | 'not-checked' }): Promise<CallResultOk> {
  const answer = await link.call('BootNotification', bootPayload(reason), opts);
  link.link.state.bootStatus = answer.payload.status as BootStatus;
  return answer;
}

/**
 * Step "the OCTT notifies the CSMS about the current state of all connectors": per EVSE a
 * StatusNotification and a NotifyEvent (trigger Delta, Connector.AvailabilityState); the CSMS answers each.
 */
export async function reportConnectors(link: CaseLink, cfg: HarnessConfig, statusOf: (evseId: number) => string, requirement: string): Promise<void> {
  for (const evseId of evseIdsOf(cfg)) await reportConnector(link, evseId, statusOf(evseId), requirement);
}

export async function reportConnector(link: CaseLink, evseId: number, status: string, requirement: string): Promise<void> {
  const c = counters(link);
  await link.call('StatusNotification', { timestamp: now(), connectorStatus: status, evseId, connectorId: CONNECTOR_ID }, { requirement });
  await link.call('NotifyEvent', {
    generatedAt: now(), seqNo: c.notifyEventSeqNo++,
    eventData: [{
      eventId: c.eventId++, timestamp: now(), trigger: 'Delta', actualValue: status, eventNotificationType: 'HardWiredNotification',
      component: { name: 'Connector', evse: { id: evseId, connectorId: CONNECTOR_ID } }, variable: { name: 'AvailabilityState' },
    }],
  }, { requirement });
}

/** A transaction the harness station runs on one EVSE. */
export interface StationTransaction {
  transactionId: string;
  evseId: number;
}

/** TransactionEventRequest of `tx` with the next seqNo. */
export async function transactionEvent(
  link: CaseLink, tx: StationTransaction,
  fields: { eventType: 'Started' | 'Updated' | 'Ended'; triggerReason: string; chargingState?: string; stoppedReason?: string; idToken?: Record<string, unknown>; extra?: Record<string, unknown> },
  opts: { expect?: Matcher; requirement: string; level?: 'MUST' | 'SHOULD'; octt?: 'fails' | 'not-checked' },
): Promise<CallResultOk> {
  const c = counters(link);
  const seqNo = c.transactionSeqNo.get(tx.transactionId) ?? 0;
  c.transactionSeqNo.set(tx.transactionId, seqNo + 1);
  const payload: Record<string, unknown> = {
    eventType: fields.eventType, timestamp: now(), triggerReason: fields.triggerReason, seqNo,
    transactionInfo: {
      transactionId: tx.transactionId,
      ...(fields.chargingState ? { chargingState: fields.chargingState } : {}),
      ...(fields.stoppedReason ? { stoppedReason: fields.stoppedReason } : {}),
    },
    ...(fields.eventType === 'Started' ? { evse: { id: tx.evseId, connectorId: CONNECTOR_ID } } : {}),
    ...(fields.idToken ? { idToken: fields.idToken } : {}),
    ...fields.extra,
  };
  return link.call('TransactionEvent', payload, opts);
}

/** A fresh transaction id of the harness station (unique across runs: the CSMS may keep old ones). */
export function newTransaction(link: CaseLink, evseId: number): StationTransaction {
  const c = counters(link);
  return { transactionId: `harness-${Date.now().toString(36)}-${++c.transactionNo}`, evseId };
}

export const validIdToken = (cfg: HarnessConfig) => ({ idToken: cfg.idTags.accepted, type: 'ISO14443' });

/**
 * Reusable state EnergyTransferStarted (Part 6 Table 703), entered through Authorized (Table 702): the
 * driver is authorized, the transaction starts, the EV is plugged in and charging begins on `evseId`.
 */
export async function energyTransferStarted({ cfg, step }: Pick<CsmsSutContext, 'cfg' | 'step'>, link: CaseLink, evseId: number): Promise<StationTransaction> {
  const idToken = validIdToken(cfg);
  const tx = newTransaction(link, evseId);
  await step(0, 'Reusable state EnergyTransferStarted: Authorized (Authorize, TransactionEvent Started), cable plugged in, charging', async () => {
    await link.call('Authorize', { idToken }, {
      expect: { 'idTokenInfo.status': 'Accepted' },
      requirement: 'Part 6 Table 702 (reusable state Authorized) step 2: AuthorizeResponse idTokenInfo.status Accepted for the configured valid idToken',
    });
    await transactionEvent(link, tx, { eventType: 'Started', triggerReason: 'Authorized', idToken }, {
      expect: { 'idTokenInfo.status': 'Accepted' },
      requirement: 'Part 6 Table 702 (reusable state Authorized) step 4: TransactionEventResponse idTokenInfo.status Accepted',
    });
    await reportConnector(link, evseId, 'Occupied', 'Part 6 Table 703 step 2: the CSMS answers the connector status report');
    await transactionEvent(link, tx, { eventType: 'Updated', triggerReason: 'CablePluggedIn', chargingState: 'EVConnected' }, {
      requirement: 'Part 6 Table 703 step 4: the CSMS answers TransactionEventRequest',
    });
    await transactionEvent(link, tx, { eventType: 'Updated', triggerReason: 'ChargingStateChanged', chargingState: 'Charging' }, {
      requirement: 'Part 6 Table 703 step 6: the CSMS answers TransactionEventRequest',
    });
  });
  return tx;
}

/** The harness station restarts: it closes its connection and dials anew (a reset, power cycle). */
export async function restart(cp: CsmsSutContext['cp'], link: CaseLink, why: string): Promise<CaseLink> {
  await link.close(1001, why);
  const fresh = await cp.reconnect();
  fresh.link.state.bootStatus = undefined;
  return fresh;
}

/** The id of the requested evse of a call, or stop: cases that reset one EVSE need a configured one. */
export function firstEvse(cfg: HarnessConfig): number {
  const evseId = evseIdsOf(cfg)[0];
  if (evseId === undefined) throw new ExpectationUnmet('no EVSE configured (connectorIds is empty)');
  return evseId;
}

/** TC_B_12_CSMS / TC_B_13_CSMS: the CSMS asks for a base report; the station accepts and sends it. */
export async function baseReportScenario({ cp, sut, step }: Pick<CsmsSutContext, 'cp' | 'sut' | 'step'>, reportBase: string, caseId: string): Promise<void> {
  const link = await cp.booted();
  const request = await step(1, `The CSMS is asked for a ${reportBase} report and sends GetBaseReportRequest (step 1)`, async () => {
    await sut.do('GetBaseReport', { reportBase });
    return link.expectCall('GetBaseReport', {
      match: { requestId: { minimum: 0 }, reportBase },
      requirement: `Part 6 ${caseId} tool validation step 1: GetBaseReportRequest with requestId an integer >= 0 and reportBase ${reportBase}`,
    });
  });
  await step(2, 'The station answers GetBaseReportResponse (step 2)', () => request.replied);
  const { requestId, reportBase: asked } = request.frame.payload as { requestId?: unknown; reportBase?: unknown };
  // Only a report the station accepted is sent (the harness station does not support SummaryInventory).
  if (typeof requestId !== 'number' || asked === 'SummaryInventory') return;
  await step(3, 'The station sends its report in one NotifyReportRequest for that requestId; the CSMS answers (ours)', () =>
    link.call('NotifyReport', {
      requestId, generatedAt: now(), seqNo: 0, tbc: false,
      reportData: [
        { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' },
          variableAttribute: [{ type: 'Actual', value: '60', mutability: 'ReadWrite' }], variableCharacteristics: { dataType: 'integer', supportsMonitoring: false } },
        { component: { name: 'AuthCtrlr' }, variable: { name: 'AuthorizeRemoteStart' },
          variableAttribute: [{ type: 'Actual', value: 'true', mutability: 'ReadWrite' }], variableCharacteristics: { dataType: 'boolean', supportsMonitoring: false } },
        ...(reportBase === 'FullInventory' ? [{ component: { name: 'ChargingStation' }, variable: { name: 'AvailabilityState' },
          variableAttribute: [{ type: 'Actual', value: 'Available', mutability: 'ReadOnly' }], variableCharacteristics: { dataType: 'OptionList', supportsMonitoring: false } }] : []),
      ],
    }, { requirement: `OCPP 2.0.1 Part 2 ${reportBase === 'FullInventory' ? 'B07.FR.08' : 'B07.FR.07'}; OCPP-J 2.0.1 §4.2.2: the CSMS answers the NotifyReportRequest of the report it asked for`, octt: 'not-checked' }));
}

/**
 * The network connection profile TC_B_42/TC_B_44 ask the CSMS to set: the table's "configured" values,
 * fixed here (slot 2 is free on the harness station, whose NetworkConfigurationPriority is "1").
 */
export function networkProfileOf(cfg: HarnessConfig) {
  return {
    configurationSlot: 2,
    connectionData: {
      ocppVersion: 'OCPP20', ocppTransport: 'JSON', ocppCsmsUrl: 'wss://csms.example.org/ocpp',
      messageTimeout: 30, securityProfile: cfg.security?.profile || 1, ocppInterface: 'Wired0',
    },
  };
}

/** TC_B_30/TC_B_31: Pending for a CSMS that declares the Pending mechanism (C-44), else Rejected. */
export function pendingOrRejected(cfg: HarnessConfig): 'Pending' | 'Rejected' {
  const declared = cfg.declarationsBySut?.Csms ?? cfg.declarations;
  return (declared.pics ?? []).includes('C-44') ? 'Pending' : 'Rejected';
}
