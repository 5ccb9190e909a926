// An erratum of a version's overlay. The OCA schemas are used unmodified; an erratum never edits a
// schema, it only forgives specific validation errors that a published erratum says are not errors.
import type { ErrorObject } from 'ajv';

export interface Erratum {
  id: string;
  /** Where the erratum is published. */
  source: string;
  /** Which messages it concerns, for the report header. */
  appliesTo: string;
  /** True when this one validation error is not an error under the erratum. */
  forgives(action: string, kind: 'req' | 'conf', error: ErrorObject, payload: unknown): boolean;
}
