import { defineCase } from '../../../harness/dsl/define-case.js';
import { persistsAcrossRebootTable, RESTORE_DEVIATION } from './availability-steps.js';

export default defineCase({
  id: 'TC_G_18_CS',
  title: 'Change Availability EVSE - state persists across reboot',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'G03 Change Availability EVSE/Connector', requirements: ['G03.FR.08', 'G01.FR.01'] },
  purpose: 'An EVSE made Inoperative with ChangeAvailability stays Unavailable across a reboot: after its BootNotification the station reports it Unavailable (the rest Available) and sends its SecurityEventNotification.',
  refs: ['OCPP 2.0.1 Part 2 G03.FR.08, G01.FR.01', 'OCPP 2.0.1 Part 2 B01.FR.05, B11.FR.01', 'OCPP 2.0.1 Part 6 Tables 422, 423, 425 (reusable states Booting, Booted, Unavailable)'],
  provenance: 'OCPP 2.0.1 Part 6 TC_G_18_CS (Table 215); ours: the first configured EVSE, its connector 1; the table\'s Before state Unavailable and its steps 1–3 are one and the same (ChangeAvailability Inoperative, Accepted, the EVSE reported Unavailable): done once, as steps 1–3, so that the request changes the EVSE; step 3 judges the connectors of the EVSE (the others did not change, G03.FR.04), the others are judged Available after the reboot; step 5, reusable state Booted, by Reset OnIdle (its steps 1–8 here numbered 5–10); after the table ChangeAvailability Operative gives the availability back.',
  deviations: [RESTORE_DEVIATION],
}, (t) => persistsAcrossRebootTable(t, { table: 'Part 6 TC_G_18_CS (Table 215)', scope: 'evse', resetType: 'OnIdle', steps: { unavailable: 1, reset: 5, boot: 6, statuses: 7, security: 9 } }));
