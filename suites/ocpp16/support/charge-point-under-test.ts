// Helpers for cases with the charge point under test (harness = CSMS). Not a case: discovery only
// loads files named TC_… / X…
import type { CaseLink } from '../../../harness/dsl/case-link.js';

/**
 * When the charge point booted on this connection and has not yet reported its connectors since,
 * wait for the StatusNotification of connector 0 and each connector that follows an accepted boot
 * (OCPP 1.6 §4.9). Only then has the charge point itself seen the acceptance: `csms.booted()` returns
 * as soon as the harness has *sent* Accepted, and a user action in that gap (an idTag presented
 * before the charge point knows it is registered) can be lost. On a connection that has been up
 * since an earlier case this waits for nothing.
 */
export async function settledAfterBoot(cp: CaseLink, connectorIds: number[]): Promise<void> {
  const calls = cp.link.calls;
  let boot = -1;
  for (let i = calls.length - 1; i >= 0; i--) {
    if (calls[i]!.frame.action === 'BootNotification') {
      boot = i;
      break;
    }
  }
  const reported = new Set(calls.slice(boot + 1)
    .filter((c) => c.frame.action === 'StatusNotification')
    .map((c) => c.frame.payload.connectorId));
  for (const connectorId of [0, ...connectorIds]) {
    if (reported.has(connectorId)) continue;
    await cp.expectCall('StatusNotification', {
      where: { connectorId },
      requirement: 'OCPP 1.6 §4.9: after an accepted boot the charge point reports the status of every connector, connector 0 included',
    });
  }
}

/**
 * The transactionId the harness gave in its answer to the latest StartTransaction on this connection.
 * Read from the link rather than from the InboundCall `expectCall` returns: on a connection inherited
 * from an earlier case, that one can be an earlier case's CALL with the same trace seq.
 */
export async function answeredTransactionId(cp: CaseLink): Promise<number> {
  const calls = cp.link.calls;
  for (let i = calls.length - 1; i >= 0; i--) {
    if (calls[i]!.frame.action !== 'StartTransaction') continue;
    const answer = JSON.parse((await calls[i]!.replied).raw) as unknown[];
    const id = (answer[2] as Record<string, unknown> | undefined)?.transactionId;
    if (typeof id === 'number') return id;
    break;
  }
  throw new Error('the harness has no answered StartTransaction with a transactionId on this connection');
}
