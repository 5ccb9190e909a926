import { defineCase } from '../../../harness/dsl/define-case.js';
import { duringTransactionTable, RESTORE_DEVIATION } from './availability-steps.js';

export default defineCase({
  id: 'TC_G_11_CS',
  title: 'Change Availability EVSE - With ongoing transaction',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'G03 Change Availability EVSE/Connector', requirements: ['G03.FR.01', 'G03.FR.02', 'G03.FR.04', 'G03.FR.05'] },
  purpose: 'During a transaction ChangeAvailability Inoperative for its EVSE is answered Scheduled; once the transaction has ended the connector of its EVSE is reported Unavailable (at the latest when the EV is disconnected, G01.FR.05).',
  refs: ['OCPP 2.0.1 Part 2 G03.FR.01, G03.FR.02, G03.FR.04, G03.FR.05', 'OCPP 2.0.1 Part 2 G01.FR.05, G01.FR.07', 'OCPP 2.0.1 Part 6 Tables 430, 432–435 (reusable states)'],
  provenance: 'OCPP 2.0.1 Part 6 TC_G_11_CS (Table 208), Before by the reusable states EnergyTransferStarted (Tables 428, 430) as step 0; ours: the first configured EVSE; no wait for the configured transaction duration; the transaction\'s end at StopAuthorized is awaited when TxStopPoint says it ends there; a transaction that ended with the cable still in may keep its connector Occupied until the EV is disconnected (G01.FR.05), so the Unavailable report is awaited until the cable is out (one sent at once counts too), and the reusable state EVDisconnected always runs; after the table the session is ended and ChangeAvailability Operative gives the availability back.',
  deviations: [RESTORE_DEVIATION],
  actions: ['presentIdToken', 'plugIn', 'unplug'],
}, (t) => duringTransactionTable(t, { table: 'Part 6 TC_G_11_CS (Table 208)', scope: 'evse', validatedAt: 'steps 4, 7, 10, 13' }));
