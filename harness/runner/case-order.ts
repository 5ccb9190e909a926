// Which case runs now and which ran before it. The general conditions of a case look back at the
// previous one ("did not reconnect after …"), and tag what they observe with the current one.
export class CaseOrder {
  private current?: string;
  private previous?: string;

  get currentCase(): string | undefined {
    return this.current;
  }

  /** Set before a case's pre-conditions; setting the same case again changes nothing. */
  set currentCase(id: string | undefined) {
    if (id === this.current) return;
    this.previous = this.current;
    this.current = id;
  }

  /** The previous case, or the start of the run before the first. */
  lastCaseText(): string {
    return this.previous ?? 'the start of the run';
  }
}
