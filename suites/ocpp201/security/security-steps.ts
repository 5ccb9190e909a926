// Shared steps of the 2.0.1 Security tables (Part 6 block A) with the station under test: a fresh
// connection after a reset, admitted by the harness at the run's security profile. Not a case.
import type { CaseLink } from '../../../harness/dsl/case-link.js';
import type { ChargePointSutContext } from '../../../harness/dsl/context.js';
import { ExpectationUnmet } from '../../../harness/dsl/errors.js';

type Ctx = ChargePointSutContext;

/**
 * The station resets (Reset Immediate, idle) and connects again; the new connection must be admitted by
 * the harness at the run's profile (its Basic-auth header, TLS, client certificate), recorded as a
 * `reconnect` expectation. Returns the new link; the Booted steps are the caller's.
 */
export async function resetAndReconnect(t: Ctx, table: string, requirement: string): Promise<CaseLink> {
  const { csms, cfg } = t;
  const admitted = (afterSeq: number) => csms.security.expect({
    check: 'reconnect', afterSeq, untilSeq: Number.MAX_SAFE_INTEGER, identity: cfg.identity, profile: csms.security.profile,
    what: 'after the reset', requirement,
  });
  let cp: CaseLink;
  try {
    cp = await csms.booted();
  } catch (err) {
    // Refused from the start (e.g. a wrong password, no common cipher suite): the harness's refusals in the
    // trace say why, a finding rather than INCONCLUSIVE (as the 1.6 Security cases judge it).
    if (!(err instanceof Error) || err.name !== 'Inconclusive') throw err; // by name: module copies may differ under test loaders
    admitted(0);
    throw new ExpectationUnmet(`the station did not get connected: ${err.message}`);
  }
  const next = csms.nextConnection({ requirement: `${table}: after the reset the station connects again (Part 2 B11.FR.03)` });
  next.catch(() => undefined); // awaited below
  const reset = await cp.call('Reset', { type: 'Immediate' }, {
    octt: 'not-checked', expect: { status: 'Accepted' },
    requirement: `ours (${table}): the station is made to open a new connection; Part 2 B11.FR.01: an idle station accepts Reset Immediate`,
  });
  if (reset.payload.status !== 'Accepted') throw new ExpectationUnmet('the station did not accept the Reset: no new connection to judge');
  try {
    return await next;
  } finally {
    admitted(reset.answer.seq);
  }
}
