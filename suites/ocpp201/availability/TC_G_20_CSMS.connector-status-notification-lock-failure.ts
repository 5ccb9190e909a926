import { defineCase } from '../../../harness/dsl/define-case.js';
import { CONNECTOR_ID, configuredEvse } from './availability-steps.js';

const TABLE = 'Part 6 TC_G_20_CSMS (Table 556)';

/** A NotifyEvent of the connector's ConnectorPlugRetentionLock.Problem (G05.FR.02). */
function lockProblem(evseId: number, problem: boolean, eventId: number): Record<string, unknown> {
  const now = new Date().toISOString();
  return {
    generatedAt: now, seqNo: 0,
    eventData: [{
      eventId, timestamp: now, trigger: 'Delta', actualValue: String(problem), eventNotificationType: 'HardWiredNotification',
      ...(problem ? {} : { cleared: true }),
      component: { name: 'ConnectorPlugRetentionLock', evse: { id: evseId, connectorId: CONNECTOR_ID } }, variable: { name: 'Problem' },
    }],
  };
}

export default defineCase({
  id: 'TC_G_20_CSMS',
  title: 'Connector status Notification - Lock Failure',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'G05 Lock Failure', requirements: ['G05.FR.03'] },
  purpose: 'The CSMS answers the NotifyEvent with which a station reports that its connector retention lock failed (ConnectorPlugRetentionLock.Problem true, trigger Delta).',
  refs: ['OCPP 2.0.1 Part 2 G05.FR.02, G05.FR.03', 'OCPP 2.0.1 Part 2 N07 (NotifyEvent)'],
  provenance: 'OCPP 2.0.1 Part 6 TC_G_20_CSMS (Table 556); ours: the lock of connector 1 of the first configured EVSE; after the table the harness station reports the problem cleared (Problem false, cleared), which the CSMS must answer too.',
  deviations: [{
    what: 'After the table (ours): a NotifyEvent reporting the lock problem cleared; the CSMS must answer it',
    why: 'The case gives back what it changed (the CSMS should not keep the connector\'s lock problem for the next case); answering a CALL is an OCPP-J MUST',
    source: 'OCPP 2.0.1 Part 2 G05.FR.03; OCPP-J 2.0.1 §4.2.2',
  }],
}, async ({ cp, cfg, step }) => {
  const link = await cp.booted();
  const evseId = configuredEvse(cfg);
  await step(1, 'The station reports ConnectorPlugRetentionLock.Problem true with NotifyEvent; the CSMS answers (steps 1–2)', () =>
    link.call('NotifyEvent', lockProblem(evseId, true, 1), {
      requirement: `${TABLE} step 2; Part 2 G05.FR.03: the CSMS SHALL respond to the lock failure's NotifyEventRequest with a NotifyEventResponse`,
    }));
  await step(3, 'After (ours): the station reports the lock problem cleared; the CSMS answers', () =>
    link.call('NotifyEvent', lockProblem(evseId, false, 2), {
      requirement: 'ours: OCPP-J 2.0.1 §4.2.2, Part 2 N07: the CSMS answers a NotifyEventRequest', octt: 'not-checked',
    }));
});
