import { defineCase } from '../../../harness/dsl/define-case.js';
import { csmsAvailabilityTable } from './availability-steps.js';

export default defineCase({
  id: 'TC_G_08_CSMS',
  title: 'Change Availability Connector - Inoperative to operative',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'G03 Change Availability EVSE/Connector' },
  purpose: 'Asked to make a connector Operative, the CSMS sends ChangeAvailabilityRequest with operationalStatus Operative and evse.id and evse.connectorId; it answers the Available reports that follow.',
  refs: ['OCPP 2.0.1 Part 2 G03', 'OCPP 2.0.1 Part 2 G01.FR.07 (StatusNotification or NotifyEvent)', 'OCPP 2.0.1 Part 6 Table 700 (reusable state Unavailable)'],
  provenance: 'OCPP 2.0.1 Part 6 TC_G_08_CSMS (Table 552); ours: the operator\'s request is made through SUT control (ChangeAvailability with the scope and status the table names); the harness station has one connector per EVSE and reports each change with both StatusNotification and NotifyEvent (Part 5: a CSMS must support both); the Before state (Unavailable) is the reusable state Unavailable (Table 700) as step 0, its request judged as for the scope at hand.',
  actions: ['ChangeAvailability'],
}, (ctx) => csmsAvailabilityTable(ctx, { table: 'Part 6 TC_G_08_CSMS (Table 552)', scope: 'connector', before: true, status: 'Operative' }));
