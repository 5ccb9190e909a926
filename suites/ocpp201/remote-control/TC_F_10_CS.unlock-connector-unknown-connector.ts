import { defineCase } from '../../../harness/dsl/define-case.js';
import { configuredConnector, part6, unlockConnector } from './remote-control-steps.js';

export default defineCase({
  id: 'TC_F_10_CS',
  title: 'Remote unlock Connector - Without ongoing transaction - UnknownConnector',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'F05', requirements: ['F05.FR.03'] },
  purpose: 'UnlockConnector for a connector the EVSE does not have (999) is answered UnknownConnector.',
  refs: ['OCPP 2.0.1 Part 2 F05.FR.03'],
  provenance: 'OCPP 2.0.1 Part 6 TC_F_10_CS; ours: the prerequisite "has a connector lock" read as the condition of Part 5, a detachable cable (HFS-1).',
  pics: { all: ['HFS-1'], text: 'HFS-1 and NOT Product Subtype "Mode 1/2-only Charging Station"' },
}, async (t) => {
  const cp = await t.csms.booted();
  const { evseId } = configuredConnector(t);
  await t.step(1, `UnlockConnector for EVSE ${evseId} connector 999: UnknownConnector (steps 1–2)`, () =>
    unlockConnector(cp, evseId, 999, 'UnknownConnector', `${part6('TC_F_10_CS')} step 2 (tool validation); F05.FR.03`));
});
