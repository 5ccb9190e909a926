import { defineCase } from '../../../harness/dsl/define-case.js';
import { persistsAcrossRebootTable, RESTORE_DEVIATION } from './availability-steps.js';

export default defineCase({
  id: 'TC_G_19_CS',
  title: 'Change Availability Connector - state persists across reboot',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'G03 Change Availability EVSE/Connector', requirements: ['G03.FR.08'] },
  purpose: 'A connector made Inoperative with ChangeAvailability stays Unavailable across a reboot: after its BootNotification the station reports it Unavailable (the rest Available) and sends its SecurityEventNotification.',
  refs: ['OCPP 2.0.1 Part 2 G03.FR.08', 'OCPP 2.0.1 Part 2 B01.FR.05, B11.FR.01', 'OCPP 2.0.1 Part 6 Tables 422, 423, 425 (reusable states Booting, Booted, Unavailable)'],
  provenance: 'OCPP 2.0.1 Part 6 TC_G_19_CS (Table 216); ours: the first configured EVSE, its connector 1; the Before state Unavailable for the connector is the reusable state Unavailable (Table 425) as step 0; step 1, reusable state Booting, by Reset Immediate (Table 422); after the table ChangeAvailability Operative gives the availability back.',
  deviations: [RESTORE_DEVIATION],
}, (t) => persistsAcrossRebootTable(t, { table: 'Part 6 TC_G_19_CS (Table 216)', scope: 'connector', resetType: 'Immediate', steps: { unavailable: 0, reset: 1, boot: 2, statuses: 4, security: 6 } }));
