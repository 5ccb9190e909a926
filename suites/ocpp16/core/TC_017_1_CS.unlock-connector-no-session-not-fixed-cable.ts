import { defineCase } from '../../../harness/dsl/define-case.js';
import { plugIn, unplug } from './cs-steps.js';

export default defineCase({
  id: 'TC_017_1_CS',
  title: 'Unlock connector - no session (Not fixed cable)',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  purpose: 'With a cable plugged in and no transaction, a charge point with a detachable cable answers UnlockConnector with Unlocked.',
  refs: [
    'OCPP 1.6 §5.18 UnlockConnector',
    'OCPP 1.6 §6.53 UnlockConnector.req, §6.54 UnlockConnector.conf, §7.46 UnlockStatus (errata 3.87)',
    'OCPP 1.6 §4.9 StatusNotification (A2, B1)',
  ],
  provenance: 'OCTT steps 1–3 as publicly summarised (Heartbeat/booted → StatusNotification Preparing → UnlockConnector answered Unlocked). Ours: step 1 uses the reusable state Booted; the cable is plugged in through SUT control in step 2; no StopTransaction may follow the unlock (there is no transaction); step 4 (unplug → Available) leaves the charge point as found. Needs a detachable cable (declaration fixedCable false).',
  actions: ['plugIn', 'unplug'],
  declarations: { fixedCable: false },
}, async ({ csms, sut, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const cp = await step(1, 'The charge point is connected, its boot accepted and its connectors reported', () => csms.booted());

  await step(2, `Plug in the cable on connector ${connectorId}; the charge point reports Preparing`, () => plugIn(cp, sut, connectorId));

  await step(3, 'Send UnlockConnector for the connector: Unlocked', () =>
    cp.call('UnlockConnector', { connectorId }, {
      expect: { status: 'Unlocked' },
      requirement: 'OCPP 1.6 §5.18: the charge point SHALL answer whether it was able to unlock the connector; §7.46: a connector lock that opened: Unlocked',
    }));

  await step(4, 'Unplug the cable; the charge point reports Available, with no StopTransaction', async () => {
    const from = cp.mark('unplugging');
    await sut.do('unplug', { connectorId });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: from,
      match: { status: 'Available' },
      forbid: { actions: ['StopTransaction'], why: 'there was no transaction to stop (§5.18)' },
      requirement: 'OCPP 1.6 §4.9 (B1): the cable removed with no transaction: Available',
    });
  });
});
