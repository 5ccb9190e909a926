import { defineCase } from '../../../harness/dsl/define-case.js';
import { CONNECTION_ATTEMPTS, connectionData, expectBootedAgain, migrateToProfile, networkSlots, prepareVariables, restoreNetworkPriority, restoreVariables } from './charging-station-steps.js';

const TABLE = 'Part 6 TC_B_46_CS (Table 54)';
/** An endpoint nobody answers on: the TCP port 1 of the harness's host refuses every connection. */
const unanswered = (url: string) => url.replace(/^(wss?:\/\/[^/:]+)(:\d+)?/, '$1:1');

export default defineCase({
  id: 'TC_B_46_CS',
  title: 'Migrate to new ConnectionProfile - Fallback mechanism - Same CSMS Root',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'B10 Migrate to new CSMS', requirements: ['B10.FR.03', 'B10.FR.04'] },
  purpose: 'When the new first-priority network profile cannot connect, the station makes NetworkProfileConnectionAttempts attempts with it, then falls back to the next profile (the harness) and boots there.',
  refs: ['OCPP 2.0.1 Part 2 B10.FR.03, FR.04'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_46_CS; ours: the new profile points at a port nobody answers on (the table\'s OCTT leaves the connection unanswered); the number of attempts on it is not observed; the slots are the one in use and the other of 1 and 2; the Reset of step 5 is always sent; afterwards the priority and NetworkProfileConnectionAttempts are restored and the station reset again.',
  deviations: [
    { what: 'After the case NetworkConfigurationPriority is set back and a Reset accepted (SHOULD)', why: 'Restores the station for the next case', source: 'OCPP 2.0.1 Part 2 B10.FR.01, B11.FR.01' },
    { what: 'Variables the case changed are set back after it (SHOULD)', why: 'Nothing leaks into the next case', source: 'OCPP 2.0.1 Part 2 B05.FR.10' },
  ],
}, async (t) => {
  const { csms, step } = t;
  const cp = await csms.booted();
  const changes = await prepareVariables(t, cp, [[CONNECTION_ATTEMPTS, '2']], TABLE);
  const slots = await networkSlots(cp, TABLE, t);
  const data = await connectionData(cp, unanswered(csms.url), TABLE);
  const next = csms.nextConnection({ requirement: `${TABLE} step 8; Part 2 B10.FR.03: after NetworkProfileConnectionAttempts failed attempts the station tries the next profile (the harness)` });
  next.catch(() => undefined); // awaited in step 8
  await migrateToProfile(t, cp, { table: TABLE, slot: slots.other, previous: slots.active, data });
  await step(7, `The new profile (${String(data.ocppCsmsUrl)}) does not answer the station's attempts`, () => undefined);
  const link = await step(8, 'The harness accepts the connection on the previous profile; reusable state Booted (step 9)', async () => {
    const link = await next;
    await expectBootedAgain(t, link, TABLE, 9);
    return link;
  });
  await step(10, 'Ours: NetworkConfigurationPriority and NetworkProfileConnectionAttempts restored, the station reset onto them', async () => {
    const back = await restoreNetworkPriority(t, link, slots.priority, TABLE);
    await restoreVariables(t, back, changes);
  });
});
