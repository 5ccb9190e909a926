// What the 2.0.1 remote-control cases (block F: RequestStart/StopTransaction, UnlockConnector,
// TriggerMessage) share beyond the transaction reusable states of block E (imported from
// ../transactions). Not a case (discovery loads TC_… files only).
import type { CaseLink, CallResultOk } from '../../../harness/dsl/case-link.js';
import type { ChargePointSutContext, CsmsSutContext } from '../../../harness/dsl/context.js';
import type { Matcher } from '../../../harness/checks/match.js';
import type { InboundCall } from '../../../harness/rpc/session.js';
import { evseIdsOf } from '../../../harness/versions/ocpp201/module.js';
import type { VariableSetting } from '../transactions/charging-station-states.js';
import { TE_ANSWERED, transactionEventPayload, type StationTransaction, type TxScope } from '../transactions/csms-transaction-states.js';

export const part6 = (id: string) => `OCPP 2.0.1 Part 6 ${id}`;

// ---------------------------------------------------------------- the charging station under test

/** The EVSE and connector the tables call <Configured evseId> / <Configured connectorId>. */
export const configuredConnector = (t: Pick<ChargePointSutContext, 'cfg'>) => ({ evseId: evseIdsOf(t.cfg)[0] ?? 1, connectorId: 1 });

/**
 * The Before lines of TC_F_02_CS: AuthorizeRemoteStart true. Its prerequisite (not ReadOnly false)
 * holds when the variable can be set or already is true; otherwise the case is NOT_APPLICABLE
 * (applySettings). The cache lines are ours: an idToken in the cache may spare the Authorize (Table 428
 * step 3 note), so the cache is off while the case runs where it can be switched off.
 */
export const AUTHORIZE_REMOTE_START: VariableSetting[] = [
  { component: 'AuthCtrlr', variable: 'AuthorizeRemoteStart', value: 'true' },
  { component: 'AuthCacheCtrlr', variable: 'Enabled', value: 'false', need: 'ifWritable' },
  { component: 'AuthCtrlr', variable: 'LocalPreAuthorize', value: 'false', need: 'ifWritable' },
];

/** Send UnlockConnector; the answer must carry `status` (the table's step 2). */
export function unlockConnector(cp: CaseLink, evseId: number, connectorId: number, status: string, requirement: string): Promise<CallResultOk> {
  return cp.call('UnlockConnector', { evseId, connectorId }, { expect: { status }, requirement });
}

/** Send TriggerMessage; the answer must carry `status` (the table's step 2 or 6). */
export function triggerMessage(cp: CaseLink, requestedMessage: string, status: string, requirement: string, evse?: { id: number; connectorId?: number }): Promise<CallResultOk> {
  return cp.call('TriggerMessage', { requestedMessage, ...(evse ? { evse } : {}) }, { expect: { status }, requirement });
}

/** F06.FR.04: the requested message comes after the TriggerMessageResponse, so after the answer's seq. */
export function expectTriggered(cp: CaseLink, action: string, answer: CallResultOk, opts: { where?: Matcher; match?: Matcher; requirement: string }): Promise<InboundCall> {
  return cp.expectCall(action, { after: answer.call.seq, ...opts });
}

// ---------------------------------------------------------------- the CSMS under test

type Scope = Pick<CsmsSutContext, 'cfg' | 'sut' | 'step'>;

/** The configured EVSE of the harness station (one connector per EVSE). */
export const harnessConnector = (cfg: CsmsSutContext['cfg']) => ({ evseId: evseIdsOf(cfg)[0] ?? 1, connectorId: 1 });

/**
 * Steps 1–2 of the CSMS-side F06 tables: the CSMS is asked through SUT control to trigger
 * `requestedMessage` (with `evse` when the table names one), sends TriggerMessageRequest (step 1, its
 * tool validation `match`), and the harness station answers `answer` (step 2).
 */
export async function csmsTriggers(t: Scope, link: CaseLink, v: {
  table: string;
  requestedMessage: string;
  evse?: { id: number; connectorId?: number };
  match: Matcher;
  answer: 'Accepted' | 'NotImplemented';
  /** Beyond the table (ours, with its source): e.g. F06.FR.13's connectorId. */
  extra?: { match: Matcher; requirement: string };
  /** The table's number of the TriggerMessageRequest step (default 1; the answer is the next). */
  firstStep?: number;
}): Promise<InboundCall> {
  const n = v.firstStep ?? 1;
  link.handle('TriggerMessage', () => ({ status: v.answer }));
  const request = await t.step(n, `The CSMS is asked to trigger ${v.requestedMessage}${v.evse ? ` for EVSE ${v.evse.id}` : ''} and sends TriggerMessageRequest (step ${n})`, async () => {
    const mark = link.mark(`TriggerMessage ${v.requestedMessage} asked for`);
    await t.sut.do('TriggerMessage', { requestedMessage: v.requestedMessage, ...(v.evse ? { evse: v.evse } : {}) });
    const validated = Object.keys(v.match).length > 0;
    const call = await link.expectCall('TriggerMessage', {
      after: mark, match: v.match,
      requirement: validated
        ? `${part6(v.table)} step ${n} (tool validation); OCPP 2.0.1 F06.FR.01: the CSMS names the message it wants`
        : `${part6(v.table)} step ${n}: the CSMS sends a TriggerMessageRequest (the table validates nothing in it)`,
    });
    if (v.extra) link.checkCall(call, { match: v.extra.match, requirement: v.extra.requirement, octt: 'not-checked' });
    return call;
  });
  await t.step(n + 1, `The station answers TriggerMessage ${v.answer} (step ${n + 1})`, () => request.replied);
  return request;
}

/**
 * Steps 1–2 of the CSMS-side remote start tables: the CSMS is asked through SUT control to start a
 * transaction for the configured valid idToken on the EVSE of `tx`; its RequestStartTransactionRequest
 * must carry that idToken (the tables' tool validation); the harness station answers Accepted, with the
 * transactionId of `tx` when that transaction already started (F01.FR.13). Returns the remoteStartId.
 */
export async function csmsRequestsStart(t: TxScope, sut: CsmsSutContext['sut'], tx: StationTransaction, table: string): Promise<number | undefined> {
  t.link.handle('RequestStartTransaction', () => ({ status: 'Accepted', ...(tx.started ? { transactionId: tx.transactionId } : {}) }));
  const request = await t.step(1, 'The CSMS is asked to start a transaction and sends RequestStartTransactionRequest with the valid idToken (step 1)', async () => {
    const mark = t.link.mark('RequestStartTransaction asked for');
    await sut.do('RequestStartTransaction', { idToken: tx.idToken, evseId: tx.evseId });
    return t.link.expectCall('RequestStartTransaction', {
      after: mark, match: { 'idToken.idToken': tx.idToken.idToken, 'idToken.type': tx.idToken.type },
      requirement: `${part6(table)} step 1 (tool validation): idToken.idToken and idToken.type are the configured valid idToken's`,
    });
  });
  await t.step(2, `The station answers Accepted${tx.started ? ' with its transactionId' : ', without a transactionId'} (step 2)`, () => request.replied);
  const id = request.frame.payload.remoteStartId;
  return typeof id === 'number' ? id : undefined;
}

/** The harness station's TransactionEvent after the remote start: RemoteStart, with the remoteStartId and the idToken (F01.FR.04, F01.FR.19, F01.FR.25). */
export function sendRemoteStartEvent(t: TxScope, tx: StationTransaction, remoteStartId: number | undefined, requirement: string): Promise<CallResultOk> {
  const payload = transactionEventPayload(tx, { triggerReason: 'RemoteStart', idToken: true, ...(tx.evConnected ? { chargingState: 'EVConnected' } : {}) });
  if (remoteStartId !== undefined) (payload.transactionInfo as Record<string, unknown>).remoteStartId = remoteStartId;
  tx.authorized = true;
  return t.link.call('TransactionEvent', payload, { requirement: `${requirement}; ${TE_ANSWERED}` });
}
