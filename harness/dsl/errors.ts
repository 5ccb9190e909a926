// Ways a case stops early. The verdict still comes from the trace; these only say why it stopped.

/** The case does not apply to this system under test (feature not declared, action unsupported). */
export class NotApplicable extends Error {
  override name = 'NotApplicable';
}

/** The case could not be judged, through no fault of the system under test. */
export class Inconclusive extends Error {
  override name = 'Inconclusive';
}

/** An expectation was not met; the trace holds the finding, the case cannot go on. */
export class ExpectationUnmet extends Error {
  override name = 'ExpectationUnmet';
}

/** The run was interrupted (Ctrl-C) or the case ran out of time. */
export class Interrupted extends Error {
  override name = 'Interrupted';
}
