import { defineCase } from '../../../harness/dsl/define-case.js';
import { offlineThresholdCase } from './charging-station-steps.js';

export default defineCase({
  id: 'TC_B_51_CS',
  title: 'Status change during offline period - > Offline Threshold',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'B04 Offline Behavior Idle Charging Station', requirements: ['B04.FR.01'] },
  purpose: 'After an offline period longer than OfflineThreshold, during which the EV was connected, the station reports the status of all its connectors.',
  refs: ['OCPP 2.0.1 Part 2 B04.FR.01', 'OCPP 2.0.1 Part 4 §5.3 (RetryBackOffWaitMinimum)'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_51_CS; ours: <Configured offlineThreshold> is 2 s (RetryBackOffWaitMinimum 4 s), OfflineThreshold is the variable the table means (it writes RoutineThreshold), the EVSE is the first configured one, the EV is unplugged and the variables restored after the case.',
  deviations: [
    { what: 'After the case the EV is disconnected and the connector reported Available (SHOULD)', why: 'Nothing leaks into the next case', source: 'OCPP 2.0.1 Part 2 G01 (StatusNotification)' },
    { what: 'Variables the case changed are set back after it (SHOULD)', why: 'Nothing leaks into the next case', source: 'OCPP 2.0.1 Part 2 B05.FR.10' },
  ],
  actions: ['plugIn', 'unplug'],
}, (t) => offlineThresholdCase(t, { table: 'Part 6 TC_B_51_CS (Table 58)', thresholdS: 2, waitS: 4, fr: 'B04.FR.01: after an offline period longer than OfflineThreshold the station reports the current status of all its connectors', allConnectors: true }));
