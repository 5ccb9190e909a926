import { defineCase } from '../../../harness/dsl/define-case.js';
import { Inconclusive } from '../../../harness/dsl/errors.js';
import { connectionData, expectBootedAgain, migrateToProfile, networkSlots, restoreNetworkPriority } from './charging-station-steps.js';

const TABLE = 'Part 6 TC_B_45_CS (Table 53)';
/** The harness's second endpoint: the same server under another path (the station appends its identity). */
const SECOND_PATH = '-second-endpoint';

export default defineCase({
  id: 'TC_B_45_CS',
  title: 'Migrate to new ConnectionProfile - Success - Same CSMS Root',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'B10 Migrate to new CSMS', requirements: ['B09.FR.01', 'B10.FR.01', 'B10.FR.04', 'B10.FR.06'] },
  purpose: 'A network profile stored in the free slot and put first in NetworkConfigurationPriority is used after the reboot: the station connects to the new URL and boots there.',
  refs: ['OCPP 2.0.1 Part 2 B09.FR.01', 'OCPP 2.0.1 Part 2 B10.FR.01, FR.04, FR.06'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_45_CS; ours: the new endpoint is the harness under another path; the slots are the one in use and the other of 1 and 2; the Reset of step 5 is always sent; afterwards the priority is restored and the station reset again.',
  deviations: [
    { what: 'After the case NetworkConfigurationPriority is set back and a Reset accepted (SHOULD)', why: 'Restores the station for the next case', source: 'OCPP 2.0.1 Part 2 B10.FR.01, B11.FR.01' },
  ],
}, async (t) => {
  const { csms, step } = t;
  const cp = await csms.booted();
  const slots = await networkSlots(cp, TABLE, t);
  const url = `${csms.url}${SECOND_PATH}`;
  const data = await connectionData(cp, url, TABLE);
  const next = csms.nextConnection({ requirement: `${TABLE} step 7; Part 2 B10.FR.04: after the reboot the station connects to the first entry of NetworkConfigurationPriority` });
  next.catch(() => undefined); // awaited in step 7
  await migrateToProfile(t, cp, { table: TABLE, slot: slots.other, previous: slots.active, data });
  const link = await step(7, 'Reusable state Booted on the new connection profile: BootNotification, connector statuses', async () => {
    const link = await next;
    const path = link.link.channel.info.url;
    t.note(`the station reconnected on ${path}`);
    await expectBootedAgain(t, link, TABLE, 7);
    return { link, path };
  });
  await step(9, 'Ours: NetworkConfigurationPriority restored and the station reset onto it', () => restoreNetworkPriority(t, link.link, slots.priority, TABLE));
  // The harness has no check of the URL a connection came on: a station that kept the old profile is not judged.
  if (!link.path.includes(SECOND_PATH)) throw new Inconclusive(`the station did not connect with the new profile (${url}) but on ${link.path} (Part 2 B10.FR.04)`);
});
