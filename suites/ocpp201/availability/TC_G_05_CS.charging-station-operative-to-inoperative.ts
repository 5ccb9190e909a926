import { defineCase } from '../../../harness/dsl/define-case.js';
import { availabilityTable, RESTORE_DEVIATION } from './availability-steps.js';

export default defineCase({
  id: 'TC_G_05_CS',
  title: 'Change Availability Charging Station - Operative to inoperative',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'G04 Change Availability Charging Station', requirements: ['G04.FR.01', 'G04.FR.02', 'G04.FR.03', 'G04.FR.05', 'G04.FR.07'] },
  purpose: 'ChangeAvailability Inoperative for the whole station (reusable state Unavailable) is Accepted and every connector it concerns is reported Unavailable.',
  refs: ['OCPP 2.0.1 Part 2 G04.FR.01, G04.FR.02, G04.FR.03, G04.FR.05, G04.FR.07', 'OCPP 2.0.1 Part 2 G01.FR.07 (StatusNotification or NotifyEvent)', 'OCPP 2.0.1 Part 6 Table 425 (reusable state Unavailable)'],
  provenance: 'OCPP 2.0.1 Part 6 TC_G_05_CS (Table 202); ours: the table\'s step 1 is the reusable state Unavailable itself (its steps 2 and 3 here); after the table ChangeAvailability Operative gives the availability back.',
  deviations: [RESTORE_DEVIATION],
}, (t) => availabilityTable(t, { table: 'Part 6 TC_G_05_CS (Table 202)', scope: 'station', status: 'Inoperative', reports: { level: 'MUST' } }));
