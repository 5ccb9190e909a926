import { defineCase } from '../../../harness/dsl/define-case.js';
import { resetWithoutTransaction } from './cs-variants.js';

export default defineCase({
  id: 'TC_014_CS',
  title: 'Soft Reset Without Transaction',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 18, follows: '2024-04' },
  purpose: 'A connector made Unavailable stays Unavailable across a soft reset: Reset Soft is accepted, the charge point reboots (BootNotification first), reports connector 0 Available and the connector Unavailable, and becomes Available again on ChangeAvailability Operative.',
  refs: [
    'OCPP 1.6 §5.14 Reset (errata 3.36), §6.39 Reset.req',
    'OCPP 1.6 §5.2 ChangeAvailability (persistent across a reboot)',
    'OCPP 1.6 §4.2 BootNotification',
    'OCPP 1.6 §4.9 StatusNotification (A8, H1)',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 18; ours: the connector is the first of config connectorIds, and the other connectors whose Available step 9 checks are the other configured ones. As Table 18 step 7 allows, a soft reset that keeps the connection (no BootNotification) skips steps 7–10.',
  deviations: [{
    what: 'No request before the answer to the BootNotification after the reset (MUST, not a tool validation of the table)',
    why: 'The table validates only the messages it lists',
    source: 'OCPP 1.6 §4.2: between the reboot and the successful completion of a BootNotification the charge point SHALL NOT send any other request',
  }],
  actions: [],
}, (t) => resetWithoutTransaction(t, 'Soft'));
