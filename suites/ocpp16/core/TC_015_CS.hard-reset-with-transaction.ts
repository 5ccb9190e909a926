import { defineCase } from '../../../harness/dsl/define-case.js';
import { resetWithTransaction } from './cs-variants.js';

export default defineCase({
  id: 'TC_015_CS',
  title: 'Hard Reset With Transaction',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 19, follows: '2024-04' },
  purpose: 'During a transaction, Reset Hard is accepted; the charge point stops the transaction (StopTransaction reason HardReset) before the reboot, with Finishing, or after it once the boot is accepted; it reboots (nothing before BootNotification) and reports its connectors, the cable still plugged in: Finishing or Preparing.',
  refs: [
    'OCPP 1.6 §5.14 Reset (errata 3.36: a hard reset stops the transaction if possible after the reboot; a soft reset stops it gracefully first)',
    'OCPP 1.6 §4.10 StopTransaction, §6.49 StopTransaction.req, §7.36 Reason (HardReset)',
    'OCPP 1.6 §5.11 RemoteStartTransaction',
    'OCPP 1.6 §4.2 BootNotification',
    'OCPP 1.6 §4.9 StatusNotification (A2, B3, F1)',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 19; ours: the reusable state Charging reached with a remote start (steps 11–15), the unplug at the end (step 16), and the §4.2 check that nothing but BootNotification comes before its answer.',
  deviations: [{
    what: 'No request before the answer to the BootNotification after the reset (MUST, not a tool validation of the table)',
    why: 'The table validates only the messages it lists',
    source: 'OCPP 1.6 §4.2: between the reboot and the successful completion of a BootNotification the charge point SHALL NOT send any other request',
  }],
  actions: ['plugIn', 'unplug'],
}, (t) => resetWithTransaction(t, 'Hard'));
