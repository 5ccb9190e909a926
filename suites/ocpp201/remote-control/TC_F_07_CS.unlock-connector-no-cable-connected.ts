import { defineCase } from '../../../harness/dsl/define-case.js';
import { configuredConnector, part6, unlockConnector } from './remote-control-steps.js';

export default defineCase({
  id: 'TC_F_07_CS',
  title: 'Remote unlock Connector - Without ongoing transaction - No cable connected',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'F05', requirements: ['F05.FR.01', 'F05.FR.06'] },
  purpose: 'With no cable in the connector, the station still attempts the unlock and answers Unlocked.',
  refs: ['OCPP 2.0.1 Part 2 F05.FR.01', 'OCPP 2.0.1 Part 2 F05.FR.06'],
  provenance: 'OCPP 2.0.1 Part 6 TC_F_07_CS; ours: the prerequisite "has a connector lock" read as the condition of Part 5, a detachable cable (HFS-1), and "no cable connected" is the state every case leaves the connector in (nothing is plugged in here).',
  pics: { all: ['HFS-1'], text: 'HFS-1 and NOT Product Subtype "Mode 1/2-only Charging Station"' },
}, async (t) => {
  const cp = await t.csms.booted();
  const { evseId, connectorId } = configuredConnector(t);
  await t.step(1, `No cable at EVSE ${evseId}: UnlockConnector is answered Unlocked (steps 1–2)`, () =>
    unlockConnector(cp, evseId, connectorId, 'Unlocked', `${part6('TC_F_07_CS')} step 2 (tool validation); F05.FR.06 (the unlock is attempted without a cable)`));
});
