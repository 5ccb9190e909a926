import { defineCase } from '../../../harness/dsl/define-case.js';
import { csmsAvailabilityTable, CSMS_RESTORE_DEVIATION } from './availability-steps.js';

export default defineCase({
  id: 'TC_G_03_CSMS',
  title: 'Change Availability EVSE - Operative to inoperative',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'G03 Change Availability EVSE/Connector' },
  purpose: 'Asked to make an EVSE Inoperative, the CSMS sends ChangeAvailabilityRequest with operationalStatus Inoperative and evse.id the EVSE, connectorId omitted; it answers the Unavailable reports that follow.',
  refs: ['OCPP 2.0.1 Part 2 G03', 'OCPP 2.0.1 Part 2 G01.FR.07 (StatusNotification or NotifyEvent)', 'OCPP 2.0.1 Part 6 Table 700 (reusable state Unavailable)'],
  provenance: 'OCPP 2.0.1 Part 6 TC_G_03_CSMS (Table 547); ours: the operator\'s request is made through SUT control (ChangeAvailability with the scope and status the table names); the harness station has one connector per EVSE and reports each change with both StatusNotification and NotifyEvent (Part 5: a CSMS must support both); the table is the reusable state Unavailable (Table 700) itself; after the table the CSMS is asked to make it Operative again.',
  deviations: [CSMS_RESTORE_DEVIATION],
  actions: ['ChangeAvailability'],
}, (ctx) => csmsAvailabilityTable(ctx, { table: 'Part 6 TC_G_03_CSMS (Table 547)', scope: 'evse', status: 'Inoperative', viaState: true }));
