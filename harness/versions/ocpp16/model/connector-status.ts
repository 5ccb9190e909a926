// OCPP 1.6 connector statuses and the transitions between them (§4.9 StatusNotification, the
// "State From \ To" table; errata sheet §3.20 adds B6). Pure data, shared by checks and peers.
//
// The table names each transition by the row letter of the status it leaves (A Available …
// I Faulted) and the column number of the status it enters (1 Available … 9 Faulted): C6 is
// Charging → Finishing. Cells left empty are transitions the specification does not provide.
// Staying in a status is not a transition: sending the same status again is always allowed.
//
// Allowed (from → to):
//   A Available      → Preparing, Charging, SuspendedEV, SuspendedEVSE, Reserved, Unavailable, Faulted
//   B Preparing      → Available, Charging, SuspendedEV, SuspendedEVSE, Finishing (B6, errata), Faulted
//   C Charging       → Available, SuspendedEV, SuspendedEVSE, Finishing, Unavailable, Faulted
//   D SuspendedEV    → Available, Charging, SuspendedEVSE, Finishing, Unavailable, Faulted
//   E SuspendedEVSE  → Available, Charging, SuspendedEV, Finishing, Unavailable, Faulted
//   F Finishing      → Available, Preparing, Unavailable, Faulted
//   G Reserved       → Available, Preparing, Unavailable, Faulted
//   H Unavailable    → Available, Preparing, Charging, SuspendedEV, SuspendedEVSE, Faulted
//   I Faulted        → every other status (the fault clears and the connector returns to where it was)
// Notably absent: Charging → Preparing, Finishing → Charging/Suspended*, Preparing → Reserved/Unavailable,
// Reserved → Charging/Suspended*/Finishing, and nothing enters Finishing from Available/Reserved/Unavailable.
//
// Connector 0 (the charge point as a whole) only takes Available, Unavailable and Faulted: the table
// describes the use of one connector (plugging, charging, finishing), which the charge point as a whole
// does not have; its status is not derived from the connectors' statuses (§4.9). Between those three
// statuses every transition is in the table (A8, A9, H1, H9, I1, I8).

export const CONNECTOR_STATUSES = [
  'Available', 'Preparing', 'Charging', 'SuspendedEV', 'SuspendedEVSE', 'Finishing', 'Reserved', 'Unavailable', 'Faulted',
] as const;

export type ConnectorStatus = (typeof CONNECTOR_STATUSES)[number];

/** The statuses connector 0 may report. */
export const CONNECTOR_0_STATUSES: readonly ConnectorStatus[] = ['Available', 'Unavailable', 'Faulted'];

/** Row letter of the status a transition leaves, column number of the status it enters. */
const LETTER: Record<ConnectorStatus, string> = {
  Available: 'A', Preparing: 'B', Charging: 'C', SuspendedEV: 'D', SuspendedEVSE: 'E', Finishing: 'F', Reserved: 'G', Unavailable: 'H', Faulted: 'I',
};
const NUMBER: Record<ConnectorStatus, number> = {
  Available: 1, Preparing: 2, Charging: 3, SuspendedEV: 4, SuspendedEVSE: 5, Finishing: 6, Reserved: 7, Unavailable: 8, Faulted: 9,
};

/** Every transition of the table, by id, with what typically causes it (in our words). */
export const TRANSITIONS: Readonly<Record<string, string>> = {
  A2: 'usage starts: plug inserted, bay occupied, idTag presented, start button or RemoteStartTransaction',
  A3: 'charging starts at once (a charge point that needs no authorization)',
  A4: 'as A3, but the EV does not take energy',
  A5: 'as A3, but the EVSE does not offer energy',
  A7: 'ReserveNow reserves the connector',
  A8: 'ChangeAvailability makes the connector Unavailable',
  A9: 'a fault stops further charging',
  B1: 'the intended usage ends: plug removed, bay left, idTag presented again, or ConnectionTimeOut passed',
  B3: 'everything needed is in place and charging starts',
  B4: 'everything needed is in place, but the EV does not take energy',
  B5: 'everything needed is in place, but the EVSE does not offer energy',
  B6: 'usage began (plug, bay) but no idTag came in time (errata sheet §3.20)',
  B9: 'a fault stops further charging',
  C1: 'the session ends and the user has nothing left to do (e.g. a fixed cable removed at the EV)',
  C4: 'the EV stops taking energy',
  C5: 'the EVSE stops offering energy (smart charging limit, transaction refused in StartTransaction.conf)',
  C6: 'the transaction is stopped (user or RemoteStopTransaction) and the user still has to act (remove the cable, leave the bay)',
  C8: 'the session ends, the user has nothing left to do, and the connector was scheduled to become Unavailable',
  C9: 'a fault stops further charging',
  D1: 'the session ends and the user has nothing left to do',
  D3: 'the EV takes energy again',
  D5: 'the EVSE suspends charging too (SuspendedEVSE takes precedence)',
  D6: 'the transaction is stopped and the user still has to act',
  D8: 'the session ends, the user has nothing left to do, and the connector was scheduled to become Unavailable',
  D9: 'a fault stops further charging',
  E1: 'the session ends and the user has nothing left to do',
  E3: 'the EVSE restriction is lifted and charging resumes',
  E4: 'the EVSE restriction is lifted but the EV does not take energy',
  E6: 'the transaction is stopped and the user still has to act',
  E8: 'the session ends, the user has nothing left to do, and the connector was scheduled to become Unavailable',
  E9: 'a fault stops further charging',
  F1: 'the user has done everything left to do',
  F2: 'the user starts again (cable reconnected, idTag presented again): a new transaction',
  F8: 'the user has done everything left to do and the connector was scheduled to become Unavailable',
  F9: 'a fault stops further charging',
  G1: 'the reservation expires or is cancelled',
  G2: 'the idTag of the reservation is presented',
  G8: 'the reservation expires or is cancelled and the connector was scheduled to become Unavailable',
  G9: 'a fault stops further charging',
  H1: 'ChangeAvailability makes the connector Available',
  H2: 'made Available while a user had already started to use it',
  H3: 'made Available and charging starts without any user action',
  H4: 'as H3, but the EV does not take energy',
  H5: 'as H3, but the EVSE does not offer energy',
  H9: 'a fault stops further charging',
  I1: 'the fault clears; the connector returns to the status it had before',
  I2: 'the fault clears; the connector returns to the status it had before',
  I3: 'the fault clears; the connector returns to the status it had before',
  I4: 'the fault clears; the connector returns to the status it had before',
  I5: 'the fault clears; the connector returns to the status it had before',
  I6: 'the fault clears; the connector returns to the status it had before',
  I7: 'the fault clears; the connector returns to the status it had before',
  I8: 'the fault clears; the connector returns to the status it had before',
};

export function isConnectorStatus(s: unknown): s is ConnectorStatus {
  return typeof s === 'string' && (CONNECTOR_STATUSES as readonly string[]).includes(s);
}

/** The table id of from → to (`C6`), whether or not the table has it. */
export function transitionId(from: ConnectorStatus, to: ConnectorStatus): string {
  return `${LETTER[from]}${NUMBER[to]}`;
}

/** A connector (id > 0) may go from `from` to `to`: the table has the cell, or the status is unchanged. */
export function isAllowedTransition(from: ConnectorStatus, to: ConnectorStatus): boolean {
  return from === to || transitionId(from, to) in TRANSITIONS;
}

/** The statuses a connector (id > 0) may report next after `from`, other than `from` itself, in table order. */
export function allowedNext(from: ConnectorStatus): ConnectorStatus[] {
  return CONNECTOR_STATUSES.filter((to) => to !== from && isAllowedTransition(from, to));
}

/** What causes from → to, or undefined when the table has no such transition. */
export function transitionMeaning(from: ConnectorStatus, to: ConnectorStatus): string | undefined {
  return TRANSITIONS[transitionId(from, to)];
}
