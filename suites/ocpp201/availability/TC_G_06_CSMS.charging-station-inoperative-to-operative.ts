import { defineCase } from '../../../harness/dsl/define-case.js';
import { csmsAvailabilityTable } from './availability-steps.js';

export default defineCase({
  id: 'TC_G_06_CSMS',
  title: 'Change Availability Charging Station - Inoperative to operative',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'G04 Change Availability Charging Station' },
  purpose: 'Asked to make the whole station Operative, the CSMS sends ChangeAvailabilityRequest with operationalStatus Operative and no evse; it answers the Available reports that follow.',
  refs: ['OCPP 2.0.1 Part 2 G04', 'OCPP 2.0.1 Part 2 G01.FR.07 (StatusNotification or NotifyEvent)', 'OCPP 2.0.1 Part 6 Table 700 (reusable state Unavailable)'],
  provenance: 'OCPP 2.0.1 Part 6 TC_G_06_CSMS (Table 550); ours: the operator\'s request is made through SUT control (ChangeAvailability with the scope and status the table names); the harness station has one connector per EVSE and reports each change with both StatusNotification and NotifyEvent (Part 5: a CSMS must support both); the Before state (Unavailable) is the reusable state Unavailable (Table 700) as step 0, its request judged as for the scope at hand; the table\'s manual action names Inoperative, its tool validation Operative: the CSMS is asked for Operative.',
  actions: ['ChangeAvailability'],
}, (ctx) => csmsAvailabilityTable(ctx, { table: 'Part 6 TC_G_06_CSMS (Table 550)', scope: 'station', before: true, status: 'Operative' }));
