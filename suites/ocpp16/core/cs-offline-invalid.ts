// TC_037_2_CS and TC_037_3_CS up to the delivery of the StartTransaction an invalid idTag began
// offline (OCPP 1.6 §3.5.4, §3.7, §4.8); they differ in StopTransactionOnInvalidId and what follows.
// Not a case (discovery only loads files named TC_… / X…).
import type { CaseLink } from '../../../harness/dsl/case-link.js';
import type { ChargePointSutContext } from '../../../harness/dsl/context.js';
import { readOptionalKey, setKey, type KeyChange } from './cs-steps.js';
import { backOnline, goOffline, shift } from './cs-offline-steps.js';

/** How long the harness stays offline after the idTag was presented: the transaction runs offline. */
const OFFLINE_AFTER_MS = 1000;

export interface OfflineInvalidStart {
  cp: CaseLink;
  transactionId: number;
  /** Seq of the delivered StartTransaction.req. */
  started: number;
  changes: (KeyChange | undefined)[];
}

/** Steps 1–5: configuration, the offline start with the invalid idTag, the queued StartTransaction answered Invalid. */
export async function offlineInvalidStart(t: ChargePointSutContext, stopOnInvalid: boolean): Promise<OfflineInvalidStart> {
  const { csms, sut, cfg, step, sleep, notApplicable } = t;
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.invalid;
  const first = await step(1, 'The charge point is connected, its boot accepted and its connectors reported', () => csms.booted());

  const changes = await step(2, `AllowOfflineTxForUnknownId = true, StopTransactionOnInvalidId = ${stopOnInvalid}, MaxEnergyOnInvalidId = 0 when the charge point has it`, async () => {
    if ((await readOptionalKey(first, 'AllowOfflineTxForUnknownId')) === undefined) {
      notApplicable('the charge point has no AllowOfflineTxForUnknownId: it does not support Unknown Offline Authorization (§9.1.1), so an idTag it does not know cannot start a transaction offline');
    }
    return [
      await setKey(first, 'AllowOfflineTxForUnknownId', 'true'),
      await setKey(first, 'StopTransactionOnInvalidId', String(stopOnInvalid)),
      (await readOptionalKey(first, 'MaxEnergyOnInvalidId')) === undefined ? undefined : await setKey(first, 'MaxEnergyOnInvalidId', '0'),
    ];
  });

  await step(3, 'ClearCache, so that the idTag is unknown to the charge point', () =>
    first.call('ClearCache', {}, {
      expect: { status: { oneOf: ['Accepted', 'Rejected'] } },
      requirement: 'OCPP 1.6 §5.4: the charge point SHALL answer ClearCache.req, saying whether it cleared its cache',
    }));

  const offlineAt = await step(4, 'The harness CSMS goes offline; plug in the cable and present the invalid idTag: unknown to the charge point, it starts a transaction offline', async () => {
    const at = await goOffline(csms);
    await sut.do('plugIn', { connectorId });
    await sut.do('presentIdTag', { connectorId, idTag });
    await sleep(OFFLINE_AFTER_MS);
    return at;
  });

  return step(5, 'The CSMS is back: the charge point reconnects and delivers the queued StartTransaction, with the time the transaction started; the harness answers Invalid', async () => {
    const { cp, onlineAt } = await backOnline(csms);
    const start = await cp.expectCall('StartTransaction', {
      where: { connectorId },
      match: { idTag, timestamp: { notBefore: shift(offlineAt, -cfg.toleranceMs), notAfter: onlineAt } },
      forbid: { actions: ['StopTransaction', 'MeterValues'], why: 'transaction-related messages are delivered in chronological order: the StartTransaction.req first (§3.7)' },
      requirement: 'OCPP 1.6 §3.5.4: when the connection is restored the charge point SHALL send StartTransaction.req for any transaction authorised offline (§3.7); §4.8: with the idTag and the time the transaction started, within the offline period',
    });
    const answer = await cp.answerOf(start);
    return { cp, transactionId: answer.transactionId as number, started: start.event.seq, changes };
  });
}
