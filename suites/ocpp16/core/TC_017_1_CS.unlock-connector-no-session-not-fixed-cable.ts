import { defineCase } from '../../../harness/dsl/define-case.js';
import { unlockWithoutSession } from './cs-variants.js';

export default defineCase({
  id: 'TC_017_1_CS',
  title: 'Unlock connector - no charging session running (Not fixed cable)',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 21, follows: '2024-04' },
  purpose: 'With a cable plugged in and no transaction, a charge point with a detachable cable answers UnlockConnector with Unlocked.',
  refs: [
    'OCPP 1.6 §5.18 UnlockConnector',
    'OCPP 1.6 §6.53 UnlockConnector.req, §6.54 UnlockConnector.conf, §7.46 UnlockStatus (errata 3.87)',
    'OCPP 1.6 §4.9 StatusNotification (A2, B1)',
  ],
  provenance: 'OCTT steps 1–3 as publicly summarised (Heartbeat/booted → StatusNotification Preparing → UnlockConnector answered Unlocked). Ours: step 1 uses the reusable state Booted; the cable is plugged in through SUT control in step 2; no StopTransaction may follow the unlock (there is no transaction); step 4 (unplug → Available) leaves the charge point as found. Needs a detachable cable (declaration fixedCable false).',
  actions: ['plugIn', 'unplug'],
  declarations: { fixedCable: false },
}, (t) => unlockWithoutSession(t, false));
