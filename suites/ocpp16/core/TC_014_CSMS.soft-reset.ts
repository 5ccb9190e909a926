import { defineCase } from '../../../harness/dsl/define-case.js';
import { resetSequence } from './csms-session-steps.js';

export default defineCase({
  id: 'TC_014_CSMS',
  title: 'Soft Reset',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  octt: { table: 129, follows: '2024-04' },
  purpose: 'The CSMS triggers a soft reset: it sends Reset with type Soft, then accepts the BootNotification of the restarted charge point and answers its StatusNotifications.',
  refs: [
    'OCPP 1.6 §5.14 Reset',
    'OCPP 1.6 §7.42 ResetType',
    'OCPP 1.6 §7.41 ResetStatus',
    'OCPP 1.6 §4.2 BootNotification',
    'OCPP 1.6 §4.9 StatusNotification',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 129; ours: the restart between steps 2 and 3 is the harness charge point closing its connection and dialling anew; no transaction runs, so none is stopped (§5.14).',
  actions: ['Reset'],
}, (t) => resetSequence(t, 'Soft'));
