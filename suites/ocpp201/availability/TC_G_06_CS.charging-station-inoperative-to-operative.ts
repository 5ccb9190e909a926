import { defineCase } from '../../../harness/dsl/define-case.js';
import { availabilityTable } from './availability-steps.js';

export default defineCase({
  id: 'TC_G_06_CS',
  title: 'Change Availability Charging Station - Inoperative to operative',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'G04 Change Availability Charging Station', requirements: ['G04.FR.01', 'G04.FR.02', 'G04.FR.03', 'G04.FR.05', 'G04.FR.08'] },
  purpose: 'The whole station made Unavailable first; ChangeAvailability Operative is Accepted and every connector it concerns is reported Available again.',
  refs: ['OCPP 2.0.1 Part 2 G04.FR.01, G04.FR.02, G04.FR.03, G04.FR.05, G04.FR.08', 'OCPP 2.0.1 Part 2 G01.FR.07 (StatusNotification or NotifyEvent)', 'OCPP 2.0.1 Part 6 Table 425 (reusable state Unavailable)'],
  provenance: 'OCPP 2.0.1 Part 6 TC_G_06_CS (Table 203); ours: the Before state Unavailable is the reusable state Unavailable (Table 425) as step 0; if the case stops early ChangeAvailability Operative is sent unjudged.',
}, (t) => availabilityTable(t, { table: 'Part 6 TC_G_06_CS (Table 203)', scope: 'station', before: 'Unavailable', status: 'Operative', reports: { level: 'MUST' } }));
