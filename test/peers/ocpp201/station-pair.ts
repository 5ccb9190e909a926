// A reference charging station connected to the test CSMS, and their cleanup.

import { ReferenceChargingStation201, type ReferenceChargingStation201Options } from '../../../harness/versions/ocpp201/reference/charging-station.js';
import { TestCsms201 } from './station-test-csms.js';

export interface Pair {
  csms: TestCsms201;
  station: ReferenceChargingStation201;
  lines: string[];
}

const open: Pair[] = [];

/** Start a CSMS and a station (booted and Accepted unless `waitBoot` is false). */
export async function startPair(options: Partial<ReferenceChargingStation201Options> = {}, setup?: (csms: TestCsms201) => void, waitBoot = true, csmsTls?: { key: string; cert: string }): Promise<Pair> {
  const csms = await TestCsms201.start(csmsTls ? { tls: csmsTls } : {});
  setup?.(csms);
  const lines: string[] = [];
  const station = new ReferenceChargingStation201({ url: csms.url, identity: 'CS201', evses: [1, 2], log: (l) => lines.push(l), ...options });
  const pair = { csms, station, lines };
  open.push(pair);
  await station.start();
  if (waitBoot) {
    await csms.waitFor('BootNotification');
    if (csms.bootStatus === 'Accepted') await csms.waitFor('SecurityEventNotification');
  }
  return pair;
}

export async function stopPairs(): Promise<void> {
  for (const p of open.splice(0)) {
    await p.station.stop();
    await p.csms.close();
  }
}

/** SetVariables on OCPPCommCtrlr/TxCtrlr/… from the test CSMS, expecting Accepted. */
export async function setVariable(p: Pair, component: string, variable: string, value: string, instance?: string): Promise<string> {
  const res = await p.csms.call('SetVariables', {
    setVariableData: [{ component: { name: component }, variable: instance ? { name: variable, instance } : { name: variable }, attributeValue: value }],
  });
  return String((res.setVariableResult as Array<Record<string, unknown>>)[0]!.attributeStatus);
}
