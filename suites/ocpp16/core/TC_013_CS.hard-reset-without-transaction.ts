import { defineCase } from '../../../harness/dsl/define-case.js';
import { resetWithoutTransaction } from './cs-variants.js';

export default defineCase({
  id: 'TC_013_CS',
  title: 'Hard Reset Without transaction',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 17, follows: '2024-04' },
  purpose: 'A connector made Unavailable stays Unavailable across a hard reset: Reset Hard is accepted, the charge point reboots (BootNotification first), reports connector 0 Available and the connector Unavailable, and becomes Available again on ChangeAvailability Operative.',
  refs: [
    'OCPP 1.6 §5.14 Reset (errata 3.36), §6.39 Reset.req',
    'OCPP 1.6 §5.2 ChangeAvailability (persistent across a reboot)',
    'OCPP 1.6 §4.2 BootNotification',
    'OCPP 1.6 §4.9 StatusNotification (A8, H1)',
  ],
  provenance: 'OCTT steps 1–8 as publicly summarised (Heartbeat/booted → ChangeAvailability connector 1 Inoperative Accepted → StatusNotification Unavailable → Reset Hard Accepted → BootNotification → StatusNotification connector 0 Available and connector 1 Unavailable → ChangeAvailability Operative Accepted → StatusNotification Available). Ours: step 1 uses the reusable state Booted; the connector is the first of config connectorIds instead of 1; nothing but BootNotification may come first on the new connection (§4.2).',
  actions: [],
}, (t) => resetWithoutTransaction(t, 'Hard'));
