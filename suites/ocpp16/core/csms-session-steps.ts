// What the Core cases with the CSMS under test share: the reset sequence, the reusable state Charging
// and the steps of a charging session. Not a case (discovery only loads files named TC_… / X…).
import type { CaseLink } from '../../../harness/dsl/case-link.js';
import type { CsmsSutContext } from '../../../harness/dsl/context.js';
import { ExpectationUnmet } from '../../../harness/dsl/errors.js';

type Step = CsmsSutContext['step'];

export const STATUS_ANSWERED = 'OCPP 1.6 §4.9: the CSMS answers StatusNotification';
export const AUTHORIZE_ACCEPTED = 'OCPP 1.6 §4.1, §7.2: the CSMS answers Authorize with idTagInfo; a known, valid idTag is Accepted';
const START_ACCEPTED = 'OCPP 1.6 §4.8: StartTransaction.conf MUST include a transaction id and an authorization status; a valid idTag is Accepted';

/** StatusNotification payload for `connectorId`, NoError, stamped now. */
export function connectorStatus(connectorId: number) {
  return (s: string) => ({ connectorId, errorCode: 'NoError', status: s, timestamp: new Date().toISOString() });
}

/** TC_013_CSMS / TC_014_CSMS: the CSMS resets the charge point; it boots again and reports its connectors (steps 1–6). */
export async function resetSequence({ cp, sut, cfg, step }: Pick<CsmsSutContext, 'cp' | 'sut' | 'cfg' | 'step'>, type: 'Hard' | 'Soft'): Promise<void> {
  const link = await cp.booted();
  const lower = type.toLowerCase();

  const reset = await step(1, `The CSMS sends Reset with type ${type} (step 1)`, async () => {
    await sut.do('Reset', { type });
    return link.expectCall('Reset', {
      match: { type },
      requirement: `OCPP 1.6 §5.14, §7.42: the CSMS requests a ${lower} reset with Reset.req type ${type}`,
    });
  });

  const rebooted = await step(2, 'The charge point answers Reset Accepted and restarts (step 2)', async () => {
    await reset.replied;
    await link.close(1001, `${lower} reset`);
    return cp.reconnect();
  });

  await step(3, 'After the restart: BootNotification; the CSMS accepts it (steps 3–4)', async () => {
    const boot = await rebooted.call('BootNotification', { chargePointVendor: 'ocpp-harness', chargePointModel: 'virtual-cp' }, {
      expect: { status: 'Accepted', interval: { minimum: 0 } },
      requirement: 'OCPP 1.6 §4.2: the CSMS answers the BootNotification a charge point sends after a reboot with its status, current time and heartbeat interval; a known charge point is Accepted',
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

/** Step 0, the OCTT reusable state Charging: Authorize, Preparing, StartTransaction, Charging. Returns the transactionId. */
export function reusableStateCharging(step: Step, link: CaseLink, connectorId: number, idTag: string, meterStart: number): Promise<number> {
  const status = connectorStatus(connectorId);
  return step(0, 'Reusable state Charging: Authorize, Preparing, StartTransaction, Charging', async () => {
    await link.call('Authorize', { idTag }, {
      expect: { 'idTagInfo.status': 'Accepted' },
      requirement: AUTHORIZE_ACCEPTED,
    });
    await link.call('StatusNotification', status('Preparing'), { requirement: STATUS_ANSWERED });
    const start = await link.call('StartTransaction', { connectorId, idTag, meterStart, timestamp: new Date().toISOString() }, {
      expect: { 'idTagInfo.status': 'Accepted', transactionId: { present: true } },
      requirement: START_ACCEPTED,
    });
    const id = start.payload.transactionId;
    if (typeof id !== 'number') throw new ExpectationUnmet('StartTransaction.conf carries no transactionId; the session cannot go on');
    await link.call('StatusNotification', status('Charging'), { requirement: STATUS_ANSWERED });
    return id;
  });
}

export interface RemoteStopVariant {
  meterStart: number;
  /** How the charge point answers RemoteStopTransaction; the harness default when absent. */
  answer?: 'Rejected';
  step1: string;
  step2: string;
  step3: string;
  reason: 'Remote' | 'Local';
  stopRequirement: string;
  /** How steps 5 and 7 are labelled: '(steps 5–6)' / '(steps 7–8)' or '(ours)'. */
  tailLabels: [string, string];
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

  const meterStart = v.meterStart;
  const transactionId = await reusableStateCharging(step, link, connectorId, idTag, meterStart);

  const remoteStop = await step(1, v.step1, async () => {
    await sut.do('RemoteStopTransaction', { transactionId });
    return link.expectCall('RemoteStopTransaction', {
      match: { transactionId },
      requirement: 'OCPP 1.6 §5.12: the CSMS stops a transaction remotely with RemoteStopTransaction.req carrying its transactionId',
    });
  });

  await step(2, v.step2, () => remoteStop.replied);

  await step(3, v.step3, () =>
    link.call('StopTransaction', { transactionId, idTag, meterStop: meterStart + 500, timestamp: new Date().toISOString(), reason: v.reason }, {
      requirement: v.stopRequirement,
    }));

  await step(5, `StatusNotification Finishing; the CSMS answers ${v.tailLabels[0]}`, () =>
    link.call('StatusNotification', status('Finishing'), { requirement: STATUS_ANSWERED }));

  await step(7, `EV driver unplugs: StatusNotification Available; the CSMS answers ${v.tailLabels[1]}`, () =>
    link.call('StatusNotification', status('Available'), { requirement: STATUS_ANSWERED }));
}

/** Steps n and n+2 of a charging session: StartTransaction (accepted, with a transactionId), then Charging. */
export async function startAndCharge(step: Step, link: CaseLink, n: number, connectorId: number, idTag: string, meterStart: number): Promise<number> {
  const status = connectorStatus(connectorId);
  const start = await step(n, `StartTransaction; the CSMS accepts the idTag and assigns a transactionId (steps ${n}–${n + 1})`, () =>
    link.call('StartTransaction', { connectorId, idTag, meterStart, timestamp: new Date().toISOString() }, {
      expect: { 'idTagInfo.status': 'Accepted', transactionId: { present: true } },
      requirement: START_ACCEPTED,
    }));
  const transactionId = start.payload.transactionId;
  if (typeof transactionId !== 'number') throw new ExpectationUnmet('StartTransaction.conf carries no transactionId; the session cannot go on');

  await step(n + 2, `StatusNotification Charging; the CSMS answers (steps ${n + 2}–${n + 3})`, () =>
    link.call('StatusNotification', status('Charging'), {
      requirement: STATUS_ANSWERED,
    }));
  return transactionId;
}

/** Steps n, n+2, n+4 (ours): the EV driver stops locally, Finishing, unplugs and Available. */
export async function stopLocallyAndUnplug(step: Step, link: CaseLink, n: number, connectorId: number, idTag: string, transactionId: number, meterStop: number): Promise<void> {
  const status = connectorStatus(connectorId);
  await step(n, 'EV driver stops locally: StopTransaction reason Local; the CSMS answers (ours)', () =>
    link.call('StopTransaction', { transactionId, idTag, meterStop, timestamp: new Date().toISOString(), reason: 'Local' }, {
      requirement: 'OCPP 1.6 §4.10: the CSMS SHALL respond to StopTransaction',
    }));

  await step(n + 2, 'StatusNotification Finishing; the CSMS answers (ours)', () =>
    link.call('StatusNotification', status('Finishing'), {
      requirement: STATUS_ANSWERED,
    }));

  await step(n + 4, 'EV driver unplugs: StatusNotification Available; the CSMS answers (ours)', () =>
    link.call('StatusNotification', status('Available'), {
      requirement: STATUS_ANSWERED,
    }));
}
