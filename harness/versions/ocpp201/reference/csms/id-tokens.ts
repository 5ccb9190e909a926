// The CSMS's authorization decision for an idToken (C01, E01.FR.11/12): its configured lists, the
// idTokens it sent itself in RequestStartTransaction, and NoAuthorization.

export interface IdTokenLists201 {
  accepted?: string[];
  blocked?: string[];
  expired?: string[];
  invalid?: string[];
}

export type IdTokenInfo201 = { status: string; groupIdToken?: { idToken: string; type: string } };

export class IdTokenAuthority {
  private readonly lists: Required<IdTokenLists201>;
  /** idTokens the CSMS itself started a transaction with (RequestStartTransaction). */
  private readonly ownTokens = new Set<string>();

  constructor(lists: IdTokenLists201 | undefined, private readonly groupIdToken?: string) {
    this.lists = {
      accepted: lists?.accepted ?? ['ACCEPTED01'],
      blocked: lists?.blocked ?? ['BLOCKED01'],
      expired: lists?.expired ?? ['EXPIRED01'],
      invalid: lists?.invalid ?? ['INVALID01'],
    };
  }

  /** The first accepted idToken (what RequestStartTransaction carries when none is asked for). */
  get firstAccepted(): string {
    return this.lists.accepted[0] ?? 'ACCEPTED01';
  }

  rememberOwn(idToken: string): void {
    this.ownTokens.add(idToken);
  }

  /** Accepted, Blocked, Expired or Invalid by its lists; Unknown when on none of them. */
  info(idToken: { idToken?: unknown; type?: unknown } | undefined): IdTokenInfo201 {
    const token = typeof idToken?.idToken === 'string' ? idToken.idToken : '';
    if (idToken?.type === 'NoAuthorization') return { status: 'Accepted' };
    const l = this.lists;
    if (l.accepted.includes(token) || this.ownTokens.has(token)) {
      return this.groupIdToken ? { status: 'Accepted', groupIdToken: { idToken: this.groupIdToken, type: 'Central' } } : { status: 'Accepted' };
    }
    if (l.blocked.includes(token)) return { status: 'Blocked' };
    if (l.expired.includes(token)) return { status: 'Expired' };
    if (l.invalid.includes(token)) return { status: 'Invalid' };
    return { status: 'Unknown' };
  }
}
