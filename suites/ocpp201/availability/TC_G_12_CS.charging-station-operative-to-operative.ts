import { defineCase } from '../../../harness/dsl/define-case.js';
import { availabilityTable } from './availability-steps.js';

export default defineCase({
  id: 'TC_G_12_CS',
  title: 'Change Availability Charging Station - Operative to operative',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'G04 Change Availability Charging Station', requirements: ['G04.FR.01', 'G04.FR.02', 'G04.FR.03', 'G04.FR.04', 'G04.FR.05'] },
  purpose: 'ChangeAvailability Operative for the whole station, already Operative, is Accepted (the state it is already in).',
  refs: ['OCPP 2.0.1 Part 2 G04.FR.01, G04.FR.02, G04.FR.03, G04.FR.04, G04.FR.05', 'OCPP 2.0.1 Part 2 G01.FR.07 (StatusNotification or NotifyEvent)'],
  provenance: 'OCPP 2.0.1 Part 6 TC_G_12_CS (Table 209); ours: the post-scenario validation (every connector\'s state received) is met by the reports the harness verifies in its general conditions before the case and, where the Before state ran, by its reports: nothing changes here, and Part 2 G04.FR.05 asks reports of changed connectors only.',
}, (t) => availabilityTable(t, { table: 'Part 6 TC_G_12_CS (Table 209)', scope: 'station', status: 'Operative' }));
