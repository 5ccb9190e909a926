// The OCPP 2.0.1 errata overlay: empty. The 2.0.1 Edition 3 errata (2025-09) state that they do not
// affect the schemas, so the OCA schemas judge alone; an entry goes here only with a published source.
import type { Erratum } from '../../schema/erratum.js';

export const ERRATA_201: readonly Erratum[] = [];
