// TC_037_2_CS and TC_037_3_CS (OCTT Tables 41, 42) up to the delivery of the StartTransaction an
// invalid idTag began offline and the Charging that follows it (OCPP 1.6 §3.5.4, §3.7, §4.8, §4.9);
// they differ in StopTransactionOnInvalidId and what follows. Not a case (discovery only loads files
// named TC_… / X…).
import type { CaseLink } from '../../../harness/dsl/case-link.js';
import type { ChargePointSutContext } from '../../../harness/dsl/context.js';
import type { KeyChange } from './cs-steps.js';
import { backOnline, goOffline, shift } from './cs-offline-steps.js';
import { beforeKey, inspectKey } from './cs-table-states.js';

/** How long the harness stays offline after the idTag was presented: the transaction runs offline. */
const OFFLINE_AFTER_MS = 1000;

export interface OfflineInvalidStart {
  cp: CaseLink;
  transactionId: number;
  /** Seq of the delivered StartTransaction.req. */
  started: number;
  changes: (KeyChange | undefined)[];
}

/**
 * Before state, the offline start with the invalid idTag (step 1: the queued StartTransaction,
 * answered Invalid, step 2) and the Charging of step 3.
 */
export async function offlineInvalidStart(t: ChargePointSutContext, stopOnInvalid: boolean): Promise<OfflineInvalidStart> {
  const { csms, sut, cfg, step, sleep, notApplicable } = t;
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.invalid;
  const first = await csms.booted();

  const changes = await step(0, `Before: LocalAuthorizeOffline = true; LocalAuthListEnabled, AuthorizationCacheEnabled, AllowOfflineTxForUnknownId = true (if implemented); StopTransactionOnInvalidId = ${stopOnInvalid}; MaxEnergyOnInvalidId = 0 (if implemented); ClearCache`, async () => {
    if ((await inspectKey(first, 'AllowOfflineTxForUnknownId')) === undefined) {
      // The tables' other route (the invalid idTag in the local list or cache as Accepted) is not built yet.
      notApplicable('the charge point has no AllowOfflineTxForUnknownId: the harness reaches an offline start with an idTag the CSMS calls invalid only through Unknown Offline Authorization (§9.1.1)');
    }
    const changes = [
      await beforeKey(t, first, 'LocalAuthorizeOffline', 'true'),
      await beforeKey(t, first, 'LocalAuthListEnabled', 'true', { optional: true }),
      await beforeKey(t, first, 'AuthorizationCacheEnabled', 'true', { optional: true }),
      await beforeKey(t, first, 'AllowOfflineTxForUnknownId', 'true'),
      await beforeKey(t, first, 'StopTransactionOnInvalidId', String(stopOnInvalid)),
      await beforeKey(t, first, 'MaxEnergyOnInvalidId', '0', { optional: true }),
    ];
    // The idTag must be unknown to the charge point (§1.3: empty cache).
    await first.call('ClearCache', {}, {
      expect: { status: { oneOf: ['Accepted', 'Rejected'] } }, octt: 'not-checked',
      requirement: 'OCPP 1.6 §5.4: the charge point SHALL answer ClearCache.req, saying whether it cleared its cache',
    });
    return changes;
  });

  const { cp, transactionId, started } = await step(1, 'Offline: plug in and present the invalid idTag; back online, the charge point delivers the queued StartTransaction, the harness answers Invalid (steps 1–2)', async () => {
    const offlineAt = await goOffline(csms);
    await sut.do('plugIn', { connectorId });
    await sut.do('presentIdTag', { connectorId, idTag });
    await sleep(OFFLINE_AFTER_MS);
    const { cp, onlineAt } = await backOnline(csms);
    const start = await cp.expectCall('StartTransaction', {
      where: { connectorId },
      match: { idTag, timestamp: { notBefore: shift(offlineAt, -cfg.toleranceMs), notAfter: onlineAt } },
      forbid: { actions: ['StopTransaction', 'MeterValues'], why: 'transaction-related messages are delivered in chronological order: the StartTransaction.req first (§3.7)' },
      requirement: 'OCPP 1.6 §3.5.4: when the connection is restored the charge point SHALL send StartTransaction.req for any transaction authorised offline (§3.7); §4.8: with the idTag and the time the transaction started, within the offline period',
    });
    const answer = await cp.answerOf(start);
    return { cp, transactionId: answer.transactionId as number, started: start.event.seq };
  });

  await step(3, 'The charge point reports the connector Charging (steps 3–4)', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId, status: 'Charging' },
      // The tables check it; the spec asks the statuses that changed offline to be reported at SHOULD only.
      level: 'SHOULD', octt: 'fails',
      requirement: 'OCTT Tables 41/42 step 3; OCPP 1.6 §4.9 (offline): after reconnecting the charge point SHOULD report the current status of a connector whose status changed while offline: Charging',
    }));

  return { cp, transactionId, started, changes };
}
