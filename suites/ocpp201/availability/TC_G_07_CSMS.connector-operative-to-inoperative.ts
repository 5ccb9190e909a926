import { defineCase } from '../../../harness/dsl/define-case.js';
import { csmsAvailabilityTable, CSMS_RESTORE_DEVIATION } from './availability-steps.js';

export default defineCase({
  id: 'TC_G_07_CSMS',
  title: 'Change Availability Connector - Operative to inoperative',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'G03 Change Availability EVSE/Connector' },
  purpose: 'Asked to make a connector Inoperative, the CSMS sends ChangeAvailabilityRequest with operationalStatus Inoperative and evse.id and evse.connectorId; it answers the Unavailable reports that follow.',
  refs: ['OCPP 2.0.1 Part 2 G03', 'OCPP 2.0.1 Part 2 G01.FR.07 (StatusNotification or NotifyEvent)'],
  provenance: 'OCPP 2.0.1 Part 6 TC_G_07_CSMS (Table 551); ours: the operator\'s request is made through SUT control (ChangeAvailability with the scope and status the table names); the harness station has one connector per EVSE and reports each change with both StatusNotification and NotifyEvent (Part 5: a CSMS must support both); after the table the CSMS is asked to make it Operative again.',
  deviations: [CSMS_RESTORE_DEVIATION],
  actions: ['ChangeAvailability'],
}, (ctx) => csmsAvailabilityTable(ctx, { table: 'Part 6 TC_G_07_CSMS (Table 551)', scope: 'connector', status: 'Inoperative' }));
