// Where a case comes from in the official OCTT test case document, and what it checks beyond it.

/** The document every 1.6 `_CS` / `_CSMS` case follows. */
export const OCTT_16_DOCUMENT = 'OCTT 1.6 TCD 2024-04';

export interface OcttSource {
  /** Table number in the Test case document OCTT for OCPP 1.6, FINAL 2024-04. */
  table: number;
  /**
   * The id that table carries, when ours differs: our id then comes from a newer revision of the
   * document that split the case (TC_007_1_CS / TC_007_2_CS where 2024-04 has one TC_007_CS).
   * `list`, `--cases` and the reports answer to it as an alias.
   */
  documentId?: string;
  /** Which revision the steps follow: the 2024-04 table, or the newer revision that split it. */
  follows: '2024-04' | 'newer revision';
}

/** The OCPP 2.0.1 Part 6 document every `TC_<block>_<nn>_CS|CSMS` case follows. */
export const PART6_201_DOCUMENT = 'OCPP 2.0.1 Edition 3 Part 6 (test cases)';

export interface Part6Source {
  /** The use case the table tests, as Part 6 names it (e.g. "B01 Cold Boot Charging Station"). */
  useCase: string;
  /** Functional requirements the table cites (B01.FR.01 …). */
  requirements?: string[];
}

/** A check beyond the table. Beyond the table and every spec MUST, it is SHOULD (NON_STRICT), never FAIL. */
export interface Deviation {
  what: string;
  why: string;
  /** The specification text or observation that motivates it. */
  source: string;
}

/** `OCTT 1.6 TCD 2024-04, Table 11` */
export function octtCitation(src: OcttSource): string {
  return `${OCTT_16_DOCUMENT}, Table ${src.table}`;
}

/** Other ids a case answers to (the 2024-04 id of a case split by a newer revision). */
export function aliasesOf(meta: { id: string; octt?: OcttSource }): string[] {
  const doc = meta.octt?.documentId;
  return doc && doc !== meta.id ? [doc] : [];
}
