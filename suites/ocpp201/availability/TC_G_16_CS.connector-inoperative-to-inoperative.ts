import { defineCase } from '../../../harness/dsl/define-case.js';
import { availabilityTable, RESTORE_DEVIATION } from './availability-steps.js';

export default defineCase({
  id: 'TC_G_16_CS',
  title: 'Change Availability Connector - Inoperative to inoperative',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'G03 Change Availability EVSE/Connector', requirements: ['G03.FR.01', 'G03.FR.02', 'G03.FR.03', 'G03.FR.04'] },
  purpose: 'ChangeAvailability Inoperative for one connector, already Inoperative, is Accepted (the state it is already in).',
  refs: ['OCPP 2.0.1 Part 2 G03.FR.01, G03.FR.02, G03.FR.03, G03.FR.04', 'OCPP 2.0.1 Part 2 G01.FR.07 (StatusNotification or NotifyEvent)', 'OCPP 2.0.1 Part 6 Table 425 (reusable state Unavailable)'],
  provenance: 'OCPP 2.0.1 Part 6 TC_G_16_CS (Table 213); ours: the Before state Unavailable is the reusable state Unavailable (Table 425) as step 0; the EVSE is the first configured one, its connector 1; the post-scenario validation (every connector\'s state received) is met by the reports the harness verifies in its general conditions before the case and, where the Before state ran, by its reports: nothing changes here, and Part 2 G03.FR.04 asks reports of changed connectors only; after the table ChangeAvailability Operative gives the availability back.',
  deviations: [RESTORE_DEVIATION],
}, (t) => availabilityTable(t, { table: 'Part 6 TC_G_16_CS (Table 213)', scope: 'connector', before: 'Unavailable', status: 'Inoperative' }));
