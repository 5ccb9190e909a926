import { defineCase } from '../../../harness/dsl/define-case.js';
import { offlineThresholdCase } from './charging-station-steps.js';

export default defineCase({
  id: 'TC_B_52_CS',
  title: 'Status change during offline period - < Offline Threshold',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'B04 Offline Behavior Idle Charging Station', requirements: ['B04.FR.02'] },
  purpose: 'After an offline period shorter than OfflineThreshold, during which the EV was connected, the station reports the connector whose status changed.',
  refs: ['OCPP 2.0.1 Part 2 B04.FR.02', 'OCPP 2.0.1 Part 4 §5.3 (RetryBackOffWaitMinimum)'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_52_CS; ours: <Configured offlineThreshold> is 4 s (RetryBackOffWaitMinimum 2 s), the EVSE is the first configured one, the EV is unplugged and the variables restored after the case.',
  deviations: [
    { what: 'After the case the EV is disconnected and the connector reported Available (SHOULD)', why: 'Nothing leaks into the next case', source: 'OCPP 2.0.1 Part 2 G01 (StatusNotification)' },
    { what: 'Variables the case changed are set back after it (SHOULD)', why: 'Nothing leaks into the next case', source: 'OCPP 2.0.1 Part 2 B05.FR.10' },
  ],
  actions: ['plugIn', 'unplug'],
}, (t) => offlineThresholdCase(t, { table: 'Part 6 TC_B_52_CS (Table 59)', thresholdS: 4, waitS: 2, fr: 'B04.FR.02: after an offline period shorter than OfflineThreshold the station reports the connectors whose status changed', allConnectors: false }));
