import { defineCase } from '../../../harness/dsl/define-case.js';
import { availabilityTable } from './availability-steps.js';

export default defineCase({
  id: 'TC_G_04_CS',
  title: 'Change Availability EVSE - Inoperative to operative',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'G03 Change Availability EVSE/Connector', requirements: ['G03.FR.01', 'G03.FR.02', 'G03.FR.04', 'G03.FR.07'] },
  purpose: 'One EVSE made Unavailable first; ChangeAvailability Operative is Accepted and every connector it concerns is reported Available again.',
  refs: ['OCPP 2.0.1 Part 2 G03.FR.01, G03.FR.02, G03.FR.04, G03.FR.07', 'OCPP 2.0.1 Part 2 G01.FR.07 (StatusNotification or NotifyEvent)', 'OCPP 2.0.1 Part 6 Table 425 (reusable state Unavailable)'],
  provenance: 'OCPP 2.0.1 Part 6 TC_G_04_CS (Table 201); ours: the Before state Unavailable is the reusable state Unavailable (Table 425) as step 0; the EVSE is the first configured one, its connector 1; if the case stops early ChangeAvailability Operative is sent unjudged.',
}, (t) => availabilityTable(t, { table: 'Part 6 TC_G_04_CS (Table 201)', scope: 'evse', before: 'Unavailable', status: 'Operative', reports: { level: 'MUST' } }));
