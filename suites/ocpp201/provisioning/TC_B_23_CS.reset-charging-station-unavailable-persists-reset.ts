import { defineCase } from '../../../harness/dsl/define-case.js';
import { ExpectationUnmet } from '../../../harness/dsl/errors.js';
import { evseIdsOf } from '../../../harness/versions/ocpp201/module.js';
import { expectConnectorStatus, expectRebootAndStatuses } from './charging-station-steps.js';

const TABLE = 'Part 6 TC_B_23_CS (Table 44)';

export default defineCase({
  id: 'TC_B_23_CS',
  title: 'Reset Charging Station - Unavailable persists reset',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'B11 Reset - Without Ongoing Transaction', requirements: ['B11.FR.01', 'B11.FR.02', 'B11.FR.03', 'B11.FR.04', 'B01.FR.03'] },
  purpose: 'An EVSE made Unavailable (ChangeAvailability Inoperative) stays Unavailable across a Reset OnIdle: after the reboot (reason RemoteReset) it is reported Unavailable, the others Available.',
  refs: ['OCPP 2.0.1 Part 2 B11.FR.01–FR.04', 'OCPP 2.0.1 Part 2 B01.FR.07', 'OCPP 2.0.1 Part 2 G03 (ChangeAvailability)', 'OCPP 2.0.1 Part 6 Table 425 (reusable state Unavailable)'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_23_CS, Memory State by reusable state Unavailable (Table 425); ours: the EVSE is the first configured one; after the case ChangeAvailability Operative makes it Available again.',
  deviations: [
    { what: 'After the case ChangeAvailability Operative is Accepted and the connector reported Available (SHOULD)', why: 'Restores the station for the next case', source: 'OCPP 2.0.1 Part 2 G03' },
  ],
}, async (t) => {
  const { csms, step, cfg } = t;
  const evseId = evseIdsOf(cfg)[0]!;
  let cp = await csms.booted();
  await step(0, `Memory State (reusable state Unavailable): ChangeAvailability Inoperative for EVSE ${evseId}, reported Unavailable`, async () => {
    const res = await cp.call('ChangeAvailability', { operationalStatus: 'Inoperative', evse: { id: evseId, connectorId: 1 } }, {
      expect: { status: 'Accepted' },
      requirement: `${TABLE} Memory State, reusable state Unavailable (Table 425) step 2: ChangeAvailability Accepted (Part 2 G03)`,
    });
    await expectConnectorStatus(cp, evseId, 'Unavailable', {
      after: res.call.seq,
      requirement: `${TABLE} Memory State, reusable state Unavailable (Table 425) step 3: the connector is reported Unavailable (Part 2 G03)`,
    });
  });
  const next = csms.nextConnection({ requirement: `${TABLE} step 3; Part 2 B11.FR.03: a station that accepted the Reset SHALL start a reboot` });
  next.catch(() => undefined); // awaited in step 3
  await step(1, 'Reset OnIdle (step 2: Accepted)', async () => {
    const res = await cp.call('Reset', { type: 'OnIdle' }, {
      expect: { status: 'Accepted' },
      requirement: `${TABLE} step 2; Part 2 B11.FR.01: the station answers the Reset; idle, it accepts it`,
    });
    if (res.payload.status !== 'Accepted') throw new ExpectationUnmet('the station did not accept the Reset: no reboot to observe');
  });
  cp = await expectRebootAndStatuses(t, next, {
    table: TABLE, bootStep: 3, statusStep: 5, reason: 'RemoteReset', bootFr: 'B11.FR.04 (reason RemoteReset: B01.FR.09)',
    statusOf: (id) => (id === evseId ? 'Unavailable' : 'Available'),
  });
  await step(7, `Ours: ChangeAvailability Operative for EVSE ${evseId}, reported Available again`, async () => {
    const res = await cp.call('ChangeAvailability', { operationalStatus: 'Operative', evse: { id: evseId, connectorId: 1 } }, {
      expect: { status: 'Accepted' }, level: 'SHOULD',
      requirement: 'ours: Part 2 G03: the EVSE is made Operative again after the case',
    });
    await expectConnectorStatus(cp, evseId, 'Available', { after: res.call.seq, level: 'SHOULD', requirement: 'ours: Part 2 G03: an Operative EVSE is reported Available again' });
  });
});
