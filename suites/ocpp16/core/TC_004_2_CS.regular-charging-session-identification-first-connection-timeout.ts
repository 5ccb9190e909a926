import { defineCase } from '../../../harness/dsl/define-case.js';
import { restoreKeys, setKey } from './cs-steps.js';

/** ConnectionTimeOut the case gives the charge point: short, so that the case stays short. */
const CONNECTION_TIMEOUT_S = 2;

export default defineCase({
  id: 'TC_004_2_CS',
  title: 'Regular Charging Session - Identification First - ConnectionTimeOut',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 5, follows: '2024-04' },
  purpose: 'A valid idTag presented before the cable makes the connector Preparing; when no cable is plugged in, the charge point returns it to Available once ConnectionTimeOut has passed, without starting a transaction.',
  refs: [
    'OCPP 1.6 §9.1.6 ConnectionTimeOut (errata 3.77, 3.89: counted from the beginning of Preparing)',
    'OCPP 1.6 §4.9 StatusNotification (A2, B1; errata 3.21)',
    'OCPP 1.6 §4.1 Authorize',
    'OCPP 1.6 §5.3 ChangeConfiguration',
  ],
  provenance: `OCTT steps 1–5 as publicly summarised (Heartbeat/booted → GetConfiguration ConnectionTimeOut → Authorize Accepted → StatusNotification Preparing → StatusNotification Available, ConnectionTimeOut after Preparing, from ConnectionTimeOut − 1 s to + 10 s). Ours: step 1 uses the reusable state Booted; step 2 also sets ConnectionTimeOut to ${CONNECTION_TIMEOUT_S} s (and step 6 restores it) to keep the case short; the Available window is ConnectionTimeOut to ConnectionTimeOut + timeouts.messageMs after Preparing, with config toleranceMs on both sides; no StartTransaction may come meanwhile.`,
  actions: ['presentIdTag'],
}, async ({ csms, sut, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const cp = await step(1, 'The charge point is connected, its boot accepted and its connectors reported', () => csms.booted());

  const change = await step(2, `GetConfiguration ConnectionTimeOut; set it to ${CONNECTION_TIMEOUT_S} s when it differs (ChangeConfiguration Accepted)`, () =>
    setKey(cp, 'ConnectionTimeOut', String(CONNECTION_TIMEOUT_S)));

  const presented = await step(3, `Present the valid idTag at connector ${connectorId} without a cable; the charge point sends Authorize for it (the harness accepts it)`, async () => {
    const from = cp.mark('presenting idTag');
    await sut.do('presentIdTag', { connectorId, idTag });
    await cp.expectCall('Authorize', {
      after: from,
      match: { idTag },
      requirement: 'OCPP 1.6 §4.1: an idTag that is not in a local list or cache SHALL be authorised with Authorize.req before charging',
    });
    return from;
  });

  const preparing = await step(4, 'The charge point reports Preparing', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: presented,
      match: { status: 'Preparing' },
      requirement: 'OCPP 1.6 §4.9 (A2): usage initiated by presenting an idTag makes the connector Preparing',
    }));

  await step(5, `No cable: the charge point reports Available once ConnectionTimeOut (${CONNECTION_TIMEOUT_S} s) has passed, with no transaction`, () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: preparing.event.seq,
      window: { anchor: preparing.event.seq, minMs: CONNECTION_TIMEOUT_S * 1000, maxMs: CONNECTION_TIMEOUT_S * 1000 + cfg.timeouts.messageMs },
      match: { status: 'Available' },
      forbid: { actions: ['StartTransaction'], why: 'no cable was plugged in: no transaction starts (§9.1.6)' },
      requirement: 'OCPP 1.6 §9.1.6 ConnectionTimeOut (errata 3.77): the interval from the beginning of Preparing until the incipient session is cancelled for want of a cable; the charge point SHALL go back to its original state, Available (§4.9 B1)',
    }));

  await step(6, 'Restore ConnectionTimeOut to its value before the case', () => restoreKeys(cp, [change]));
});
