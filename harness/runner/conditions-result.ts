// What establishing or restoring the §1.3 general conditions did, or why it could not.
export interface ConditionsResult {
  done: string[];
  /** The state could not be established: the case cannot be judged. */
  problem?: string;
}
