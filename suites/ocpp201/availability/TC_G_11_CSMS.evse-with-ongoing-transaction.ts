import { defineCase } from '../../../harness/dsl/define-case.js';
import { teardownDeviation } from '../transactions/csms-transaction-states.js';
import { csmsDuringTransactionTable, CSMS_RESTORE_DEVIATION } from './availability-steps.js';

export default defineCase({
  id: 'TC_G_11_CSMS',
  title: 'Change Availability EVSE - With ongoing transaction',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'G03 Change Availability EVSE/Connector' },
  purpose: 'During a transaction, asked to make an EVSE Inoperative, the CSMS sends ChangeAvailabilityRequest with operationalStatus Inoperative and evse.id the EVSE, connectorId omitted; the station answers Scheduled, and the CSMS answers the end of the transaction and the Unavailable report that follow.',
  refs: ['OCPP 2.0.1 Part 2 G03', 'OCPP 2.0.1 Part 2 G01.FR.05', 'OCPP 2.0.1 Part 6 Tables 702, 703, 705–707 (reusable states)'],
  provenance: 'OCPP 2.0.1 Part 6 TC_G_11_CSMS (Table 553), Before by the reusable state EnergyTransferStarted (Tables 702, 703) as step 0; ours: the operator\'s request is made through SUT control; the harness station waits one meter sample interval for the configured transaction duration; its EVDisconnected state reports the connector Unavailable, not Available (G01.FR.05: the change was scheduled), as the table\'s last step; after the table the CSMS is asked to make it Operative again.',
  deviations: [teardownDeviation('nothing is left open; the harness station reports the connector Available again once the CSMS made it Operative'), CSMS_RESTORE_DEVIATION],
  actions: ['ChangeAvailability'],
}, (ctx) => csmsDuringTransactionTable(ctx, { table: 'Part 6 TC_G_11_CSMS (Table 553)', scope: 'evse' }));
