import { defineCase } from '../../../harness/dsl/define-case.js';
import { configuredConnector, part6, unlockConnector } from './remote-control-steps.js';

export default defineCase({
  id: 'TC_F_06_CS',
  title: 'Remote unlock Connector - Without ongoing transaction - Accepted',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'F05', requirements: ['F05.FR.01', 'F05.FR.04'] },
  purpose: 'Without a transaction on the connector, UnlockConnector unlocks it and is answered Unlocked.',
  refs: ['OCPP 2.0.1 Part 2 F05.FR.01', 'OCPP 2.0.1 Part 2 F05.FR.04'],
  provenance: 'OCPP 2.0.1 Part 6 TC_F_06_CS; ours: the prerequisite "has a connector lock" read as the condition of Part 5, a detachable cable (HFS-1).',
  pics: { all: ['HFS-1'], text: 'HFS-1 and NOT Product Subtype "Mode 1/2-only Charging Station"' },
}, async (t) => {
  const cp = await t.csms.booted();
  const { evseId, connectorId } = configuredConnector(t);
  await t.step(1, `UnlockConnector for EVSE ${evseId} connector ${connectorId}: Unlocked (steps 1–2)`, () =>
    unlockConnector(cp, evseId, connectorId, 'Unlocked', `${part6('TC_F_06_CS')} step 2 (tool validation); F05.FR.04`));
});
