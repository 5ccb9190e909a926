import { defineCase } from '../../../harness/dsl/define-case.js';
import { availabilityTable, RESTORE_DEVIATION } from './availability-steps.js';

export default defineCase({
  id: 'TC_G_03_CS',
  title: 'Change Availability EVSE - Operative to inoperative',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'G03 Change Availability EVSE/Connector', requirements: ['G03.FR.01', 'G03.FR.02', 'G03.FR.04', 'G03.FR.06'] },
  purpose: 'ChangeAvailability Inoperative for one EVSE (reusable state Unavailable) is Accepted and every connector it concerns is reported Unavailable.',
  refs: ['OCPP 2.0.1 Part 2 G03.FR.01, G03.FR.02, G03.FR.04, G03.FR.06', 'OCPP 2.0.1 Part 2 G01.FR.07 (StatusNotification or NotifyEvent)', 'OCPP 2.0.1 Part 6 Table 425 (reusable state Unavailable)'],
  provenance: 'OCPP 2.0.1 Part 6 TC_G_03_CS (Table 200); ours: the EVSE is the first configured one, its connector 1; the table\'s step 1 is the reusable state Unavailable itself (its steps 2 and 3 here); after the table ChangeAvailability Operative gives the availability back.',
  deviations: [RESTORE_DEVIATION],
}, (t) => availabilityTable(t, { table: 'Part 6 TC_G_03_CS (Table 200)', scope: 'evse', status: 'Inoperative', reports: { level: 'MUST' } }));
