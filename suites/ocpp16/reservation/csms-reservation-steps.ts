// What the Reservation cases with the CSMS under test share: a ReserveNow the charge point refuses.
// Not a case (discovery only loads files named TC_… / X…).
import type { CaseLink } from '../../../harness/dsl/case-link.js';
import type { CsmsSutContext } from '../../../harness/dsl/context.js';

/**
 * Steps n and n+1: the CSMS sends ReserveNow (triggered through SUT control, expiring in 5 minutes) for
 * `connectorId` and the idTag, and the charge point answers with the status its handler gives
 * (`status`: Faulted, Occupied, Unavailable, Rejected).
 */
export async function reserveNowRefused(
  { sut, step }: Pick<CsmsSutContext, 'sut' | 'step'>,
  link: CaseLink,
  n: number,
  req: { connectorId: number; idTag: string; reservationId: number; which: 'the connector' | 'the same connector' },
  status: string,
): Promise<void> {
  const { connectorId, idTag, reservationId } = req;
  const reserve = await step(n, `The CSMS sends ReserveNow for ${req.which} and the idTag (step ${n})`, async () => {
    await sut.do('ReserveNow', { connectorId, expiryDate: new Date(Date.now() + 5 * 60_000).toISOString(), idTag, reservationId });
    return link.expectCall('ReserveNow', {
      match: { connectorId, idTag },
      requirement: 'OCPP 1.6 §5.13, §6.37: to reserve a connector the CSMS SHALL send ReserveNow.req with the connector and the idTag',
    });
  });

  await step(n + 1, `The charge point answers ${status}: no reservation (step ${n + 1})`, () => reserve.replied);
}
