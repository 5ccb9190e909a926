// Who may charge: the CSMS's own idToken register, answering Authorize and TransactionEvent with an
// idTokenInfo (OCPP 2.0.1 Part 2 C01, E01.FR.11/12). Written from Part 2 alone.

export interface IdTokenRegister {
  accepted: string[];
  blocked: string[];
  expired: string[];
  /** Tokens we know and refuse as Invalid; any other token is answered Unknown (AuthorizationStatusEnumType). */
  invalid: string[];
  /** Group of each token that belongs to one (E01.FR.12: the groupIdToken is sent when one exists). */
  groups: Record<string, string>;
}

export interface IdTokenInfo {
  status: string;
  groupIdToken?: { idToken: string; type: string };
  cacheExpiryDateTime?: string;
  chargingPriority?: number;
  language1?: string;
  personalMessage?: { format: string; language?: string; content: string };
}

export interface AuthorizationChoices {
  /** Fill every optional idTokenInfo field the spec allows (cache expiry, priority, language, message). */
  rich: boolean;
  /** Defect: answer every token Accepted without looking it up. */
  acceptAny: boolean;
}

export function idTokenInfoFor(register: IdTokenRegister, idToken: { idToken?: unknown; type?: unknown } | undefined, choices: AuthorizationChoices): IdTokenInfo {
  const token = String(idToken?.idToken ?? '');
  let status = 'Unknown';
  if (choices.acceptAny || register.accepted.includes(token)) status = 'Accepted';
  else if (register.blocked.includes(token)) status = 'Blocked';
  else if (register.expired.includes(token)) status = 'Expired';
  else if (register.invalid.includes(token)) status = 'Invalid';
  const info: IdTokenInfo = { status };
  const group = register.groups[token];
  if (group !== undefined && status === 'Accepted') info.groupIdToken = { idToken: group, type: 'Central' };
  if (choices.rich && status === 'Accepted') {
    info.cacheExpiryDateTime = new Date(Date.now() + 24 * 3600_000).toISOString();
    info.chargingPriority = 3;
    info.language1 = 'nl';
    info.personalMessage = { format: 'UTF8', language: 'en', content: 'Welcome back' };
  }
  return info;
}
