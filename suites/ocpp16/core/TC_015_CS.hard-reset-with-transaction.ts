import { defineCase } from '../../../harness/dsl/define-case.js';
import { resetWithTransaction } from './cs-variants.js';

export default defineCase({
  id: 'TC_015_CS',
  title: 'Hard Reset With Transaction',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 19, follows: '2024-04' },
  purpose: 'During a transaction, Reset Hard is accepted; the charge point stops the transaction with a StopTransaction whose reason is HardReset before the reset, then reboots (BootNotification first) and reports its connectors, the cable still plugged in.',
  refs: [
    'OCPP 1.6 §5.14 Reset (errata 3.36: StopTransaction for any ongoing transaction before the reset)',
    'OCPP 1.6 §4.10 StopTransaction, §6.49 StopTransaction.req, §7.36 Reason (HardReset)',
    'OCPP 1.6 §5.11 RemoteStartTransaction',
    'OCPP 1.6 §4.2 BootNotification',
    'OCPP 1.6 §4.9 StatusNotification (A2, B3, F1)',
  ],
  provenance: 'OCTT steps 1–10 as publicly summarised (Heartbeat/booted → Preparing → RemoteStartTransaction Accepted → StartTransaction with the same idTag → Charging → Reset Hard Accepted → StopTransaction reason HardReset and Finishing, in either order → Preparing → BootNotification). Our step numbers follow the summary up to 7; ours: step 1 uses the reusable state Booted; the cable is plugged in through SUT control in step 2; the StopTransaction must come before the reboot (errata 3.36) and carries the idTag of the start only if it carries one (§6.49: optional, the charge point itself stops the transaction); Finishing before the reboot is not required, as the charge point may reset before reporting it; nothing but BootNotification may come first on the new connection (§4.2); the connector\'s status after the boot, cable still plugged in, may be Preparing or Finishing; step 10 (unplug → Available) leaves the charge point as found.',
  actions: ['plugIn', 'unplug'],
}, (t) => resetWithTransaction(t, 'Hard'));
