import { defineCase } from '../../../harness/dsl/define-case.js';
import { availabilityTable, RESTORE_DEVIATION } from './availability-steps.js';

export default defineCase({
  id: 'TC_G_13_CS',
  title: 'Change Availability Charging Station - Inoperative to inoperative',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'G04 Change Availability Charging Station', requirements: ['G04.FR.01', 'G04.FR.02', 'G04.FR.03', 'G04.FR.04', 'G04.FR.05'] },
  purpose: 'ChangeAvailability Inoperative for the whole station, already Inoperative, is Accepted (the state it is already in).',
  refs: ['OCPP 2.0.1 Part 2 G04.FR.01, G04.FR.02, G04.FR.03, G04.FR.04, G04.FR.05', 'OCPP 2.0.1 Part 2 G01.FR.07 (StatusNotification or NotifyEvent)', 'OCPP 2.0.1 Part 6 Table 425 (reusable state Unavailable)'],
  provenance: 'OCPP 2.0.1 Part 6 TC_G_13_CS (Table 210); ours: the Before state Unavailable is the reusable state Unavailable (Table 425) as step 0; step 3 (every connector reported although nothing changed) is judged at SHOULD with the OCTT axis fails; after the table ChangeAvailability Operative gives the availability back.',
  deviations: [RESTORE_DEVIATION, { what: 'Step 3 is judged at SHOULD (the OCTT fails it): every connector reported Unavailable although none changed', why: 'Part 2 G04.FR.05 asks the station to report changed connectors; it does not oblige a report of an unchanged one, so a station that stays silent is not failed', source: 'OCPP 2.0.1 Part 2 G04.FR.04, G04.FR.05; Part 6 TC_G_13_CS step 3' }],
}, (t) => availabilityTable(t, { table: 'Part 6 TC_G_13_CS (Table 210)', scope: 'station', before: 'Unavailable', status: 'Inoperative', reports: { level: 'SHOULD', octt: 'fails' } }));
