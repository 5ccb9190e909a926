import { defineCase } from '../../../harness/dsl/define-case.js';
import { connectionData } from './charging-station-steps.js';

const TABLE = 'Part 6 TC_B_43_CS (Table 52)';

export default defineCase({
  id: 'TC_B_43_CS',
  title: 'Set new NetworkConnectionProfile - Rejected',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'B09 Setting a new NetworkConnectionProfile', requirements: ['B09.FR.02'] },
  purpose: 'SetNetworkProfile for configuration slot 999, which the station does not have, is Rejected.',
  refs: ['OCPP 2.0.1 Part 2 B09.FR.02', 'OCPP 2.0.1 Part 2 B09.FR.05'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_43_CS; ours: the connectionData is the harness URL at the station\'s current security profile and MessageTimeout, interface Wired0.',
}, async (t) => {
  const cp = await t.csms.booted();
  const data = await connectionData(cp, t.csms.url, TABLE);
  await t.step(1, 'SetNetworkProfile for configuration slot 999 (step 2: Rejected)', () =>
    cp.call('SetNetworkProfile', { configurationSlot: 999, connectionData: data }, {
      expect: { status: 'Rejected' },
      requirement: `${TABLE} step 2; Part 2 B09.FR.02 and B09.FR.05: a configurationSlot that is not in NetworkConfigurationPriority's valuesList is Rejected`,
    }));
});
