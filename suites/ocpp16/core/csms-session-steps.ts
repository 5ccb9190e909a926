// What the Core cases with the CSMS under test share: the reset sequence, the reusable states
// Authorized and Charging (OCTT 1.6 TCD 2024-04 Tables 193, 194) and the steps of a charging session.
// Not a case (discovery only loads files named TC_… / X…).
//
// Every transaction a case starts is told to the harness charge point's memory (startedTransaction /
// stoppedTransaction), so what a case that stopped early leaves open on the CSMS can be found (§1.3).
import type { CaseLink } from '../../../harness/dsl/case-link.js';
import type { CsmsSutContext } from '../../../harness/dsl/context.js';
import { ExpectationUnmet } from '../../../harness/dsl/errors.js';
import type { Deviation } from '../../../harness/dsl/octt.js';
import { startedTransaction, stoppedTransaction } from '../../../harness/versions/ocpp16/roles/charge-point-defaults.js';

type Step = CsmsSutContext['step'];

export const STATUS_ANSWERED = 'OCPP 1.6 §4.9: the CSMS answers StatusNotification';
export const AUTHORIZE_ACCEPTED = 'OCPP 1.6 §4.1, §7.2: the CSMS answers Authorize with idTagInfo; a known, valid idTag is Accepted';
const START_ACCEPTED = 'OCPP 1.6 §4.8: StartTransaction.conf MUST include a transaction id and an authorization status; a valid idTag is Accepted';
const STOP_ANSWERED = 'OCPP 1.6 §4.10: the CSMS SHALL respond to StopTransaction';

/** Options of a check that is ours, not a tool validation of the table (backed by a spec MUST). */
export const OURS = { octt: 'not-checked' } as const;

/** The deviation every session case declares for the end of the session it adds (§1.3 post-conditions). */
export function sessionTeardownDeviation(steps: string): Deviation {
  return {
    what: `Steps ${steps}: the harness charge point ends the transaction (StopTransaction, Finishing, Available) and the CSMS must answer each message`,
    why: 'The document\'s §1.3 post-conditions want no transaction left open; the answers are OCPP MUSTs (§4.10, §4.9), which the OCTT does not check in this case',
    source: 'OCTT 1.6 TCD 2024-04 §1.3; OCPP 1.6 §4.9, §4.10',
  };
}

/** StatusNotification payload for `connectorId`, NoError, stamped now. */
export function connectorStatus(connectorId: number) {
  return (s: string) => ({ connectorId, errorCode: 'NoError', status: s, timestamp: new Date().toISOString() });
}

/** The transactionId of a StartTransaction.conf, or stop the case: nothing after it can name the transaction. */
export function transactionIdOf(payload: Record<string, unknown>, link: CaseLink, connectorId: number): number {
  const id = payload.transactionId;
  if (typeof id !== 'number') throw new ExpectationUnmet('StartTransaction.conf carries no transactionId; the session cannot go on');
  startedTransaction(link.link, connectorId, id);
  return id;
}

/** StopTransaction for the running transaction; the harness charge point forgets it once answered. */
export async function stopTransaction(link: CaseLink, connectorId: number, payload: Record<string, unknown>, opts: { requirement: string; octt?: 'fails' | 'not-checked' }) {
  const stopped = await link.call('StopTransaction', { timestamp: new Date().toISOString(), ...payload }, opts);
  stoppedTransaction(link.link, connectorId);
  return stopped;
}

/** TC_013_CSMS / TC_014_CSMS: the CSMS resets the charge point; it boots again and reports its connectors (steps 1–6). */
export async function resetSequence({ cp, sut, cfg, step }: Pick<CsmsSutContext, 'cp' | 'sut' | 'cfg' | 'step'>, type: 'Hard' | 'Soft'): Promise<void> {
  const link = await cp.booted();
  const lower = type.toLowerCase();

  const reset = await step(1, `The CSMS asks for a ${lower} reset: Reset.req with type ${type} (step 1)`, async () => {
    await sut.do('Reset', { type });
    return link.expectCall('Reset', {
      match: { type },
      requirement: `OCPP 1.6 §5.14, §7.42; Table ${type === 'Hard' ? 128 : 129} step 1: the CSMS requests a ${lower} reset with Reset.req type ${type}`,
    });
  });

  const rebooted = await step(2, 'The charge point answers Reset Accepted and restarts (step 2)', async () => {
    await reset.replied;
    await link.close(1001, `${lower} reset`);
    return cp.reconnect();
  });

  await step(3, 'After the restart: BootNotification; the CSMS accepts it (steps 3–4)', async () => {
    const boot = await rebooted.call('BootNotification', { chargePointVendor: 'ocpp-harness', chargePointModel: 'virtual-cp' }, {
      expect: { status: 'Accepted' },
      requirement: `OCPP 1.6 §4.2; Table ${type === 'Hard' ? 128 : 129} step 4: the CSMS accepts the BootNotification of a known charge point after its reset`,
    });
    if (boot.payload.status === 'Accepted') rebooted.link.state.bootStatus = 'Accepted';
  });

  await step(5, 'StatusNotification Available for connector 0 and every connector; the CSMS answers (steps 5–6)', async () => {
    for (const connectorId of [0, ...cfg.connectorIds]) {
      await rebooted.call('StatusNotification', { connectorId, errorCode: 'NoError', status: 'Available', timestamp: new Date().toISOString() }, {
        requirement: STATUS_ANSWERED,
      });
    }
  });
}

/** Reusable state Authorized (Table 193): Authorize the configured valid idTag; the CSMS accepts it. */
export function reusableStateAuthorized(step: Step, link: CaseLink, idTag: string, n = 0): Promise<unknown> {
  return step(n, 'Reusable state Authorized: Authorize a valid idTag; the CSMS accepts it (Table 193 steps 1–2)', () =>
    link.call('Authorize', { idTag }, {
      expect: { 'idTagInfo.status': 'Accepted' },
      requirement: `${AUTHORIZE_ACCEPTED} (Table 193 step 2)`,
    }));
}

/** Step 0, reusable state Charging (Table 194, after Authorized): Authorize, Preparing, StartTransaction, Charging. Returns the transactionId. */
export function reusableStateCharging(step: Step, link: CaseLink, connectorId: number, idTag: string, meterStart: number): Promise<number> {
  const status = connectorStatus(connectorId);
  return step(0, 'Reusable state Charging: Authorize, Preparing, StartTransaction, Charging (Tables 193, 194)', async () => {
    await link.call('Authorize', { idTag }, {
      expect: { 'idTagInfo.status': 'Accepted' },
      requirement: `${AUTHORIZE_ACCEPTED} (Table 193 step 2)`,
    });
    await link.call('StatusNotification', status('Preparing'), { requirement: STATUS_ANSWERED });
    const start = await link.call('StartTransaction', { connectorId, idTag, meterStart, timestamp: new Date().toISOString() }, {
      expect: { 'idTagInfo.status': 'Accepted', transactionId: { present: true } },
      requirement: `${START_ACCEPTED} (Table 194 step 4)`,
    });
    const id = transactionIdOf(start.payload, link, connectorId);
    await link.call('StatusNotification', status('Charging'), { requirement: STATUS_ANSWERED });
    return id;
  });
}

/**
 * The CSMS sends RemoteStartTransaction (requested through SUT control with the configured connector and
 * idTag). The table checks nothing of the request itself, so neither field is pinned: the harness charge
 * point goes on with the idTag the CSMS sent, as a charge point does (§5.11). Returns that idTag.
 */
export async function remoteStartRequested(step: Step, sut: CsmsSutContext['sut'], link: CaseLink, n: number, connectorId: number, idTag: string): Promise<{ idTag: string; replied: Promise<unknown> }> {
  const request = await step(n, `The CSMS sends RemoteStartTransaction (step ${n})`, async () => {
    await sut.do('RemoteStartTransaction', { connectorId, idTag });
    return link.expectCall('RemoteStartTransaction', {
      requirement: 'OCPP 1.6 §5.11: the CSMS starts a transaction remotely with RemoteStartTransaction.req',
    });
  });
  const sent = request.frame.payload as Record<string, unknown> | undefined;
  return { idTag: typeof sent?.idTag === 'string' ? sent.idTag : idTag, replied: request.replied };
}

export interface RemoteStopVariant {
  meterStart: number;
  /** How the charge point answers RemoteStopTransaction; the harness default when absent. */
  answer?: 'Rejected';
  /** Table 127 (TC_012): the request must name the running transaction; Table 141 (TC_028) checks nothing of it. */
  pinTransactionId: boolean;
  step1: string;
  step2: string;
  step3: string;
  reason: 'Remote' | 'Local';
  stopRequirement: string;
  /** Steps 3, 5 and 7 are the table's (TC_012) or ours (TC_028). */
  tableTail: boolean;
}

/** TC_012_CSMS / TC_028_CSMS: reusable state Charging, RemoteStopTransaction, then the transaction ends. */
export async function remoteStopSequence({ cp, sut, cfg, step }: Pick<CsmsSutContext, 'cp' | 'sut' | 'cfg' | 'step'>, v: RemoteStopVariant): Promise<void> {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  const idTag = cfg.idTags.accepted;
  const status = connectorStatus(connectorId);
  if (v.answer) {
    const answer = v.answer;
    link.handle('RemoteStopTransaction', () => ({ status: answer }));
  }
  const tail = v.tableTail ? {} : OURS;
  const label = (steps: string) => (v.tableTail ? `(steps ${steps})` : '(ours)');

  const meterStart = v.meterStart;
  const transactionId = await reusableStateCharging(step, link, connectorId, idTag, meterStart);

  const remoteStop = await step(1, v.step1, async () => {
    await sut.do('RemoteStopTransaction', { transactionId });
    return link.expectCall('RemoteStopTransaction', {
      ...(v.pinTransactionId ? { match: { transactionId } } : {}),
      requirement: v.pinTransactionId
        ? 'OCPP 1.6 §5.12; Table 127 step 2: the CSMS stops the running transaction with RemoteStopTransaction.req carrying its transactionId (the tool answers Accepted only for its running transaction)'
        : 'OCPP 1.6 §5.12: the CSMS asks for a remote stop with RemoteStopTransaction.req',
    });
  });

  await step(2, v.step2, () => remoteStop.replied);

  await step(3, v.step3, () =>
    stopTransaction(link, connectorId, { transactionId, idTag, meterStop: meterStart + 500, reason: v.reason }, { requirement: v.stopRequirement, ...tail }));

  await step(5, `StatusNotification Finishing; the CSMS answers ${label('5–6')}`, () =>
    link.call('StatusNotification', status('Finishing'), { requirement: STATUS_ANSWERED, ...tail }));

  await step(7, `EV driver unplugs: StatusNotification Available; the CSMS answers ${label('7–8')}`, () =>
    link.call('StatusNotification', status('Available'), { requirement: STATUS_ANSWERED, ...tail }));
}

/** Steps n and n+2 of a charging session: StartTransaction (accepted, with a transactionId), then Charging. */
export async function startAndCharge(step: Step, link: CaseLink, n: number, connectorId: number, idTag: string, meterStart: number, table?: number): Promise<number> {
  const status = connectorStatus(connectorId);
  const start = await step(n, `StartTransaction; the CSMS accepts the idTag and assigns a transactionId (steps ${n}–${n + 1})`, () =>
    link.call('StartTransaction', { connectorId, idTag, meterStart, timestamp: new Date().toISOString() }, {
      expect: { 'idTagInfo.status': 'Accepted', transactionId: { present: true } },
      requirement: table ? `${START_ACCEPTED} (Table ${table} step ${n + 1})` : START_ACCEPTED,
    }));
  const transactionId = transactionIdOf(start.payload, link, connectorId);

  await step(n + 2, `StatusNotification Charging; the CSMS answers (steps ${n + 2}–${n + 3})`, () =>
    link.call('StatusNotification', status('Charging'), {
      requirement: STATUS_ANSWERED,
    }));
  return transactionId;
}

/** Steps n, n+2, n+4 (ours, §1.3 post-conditions): the EV driver stops locally, Finishing, unplugs and Available. */
export async function stopLocallyAndUnplug(step: Step, link: CaseLink, n: number, connectorId: number, idTag: string, transactionId: number, meterStop: number): Promise<void> {
  const status = connectorStatus(connectorId);
  await step(n, 'EV driver stops locally: StopTransaction reason Local; the CSMS answers (ours)', () =>
    stopTransaction(link, connectorId, { transactionId, idTag, meterStop, reason: 'Local' }, { requirement: STOP_ANSWERED, ...OURS }));

  await step(n + 2, 'StatusNotification Finishing; the CSMS answers (ours)', () =>
    link.call('StatusNotification', status('Finishing'), { requirement: STATUS_ANSWERED, ...OURS }));

  await step(n + 4, 'EV driver unplugs: StatusNotification Available; the CSMS answers (ours)', () =>
    link.call('StatusNotification', status('Available'), { requirement: STATUS_ANSWERED, ...OURS }));
}
