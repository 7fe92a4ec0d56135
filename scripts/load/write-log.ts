/**
 * What the load test wrote, and which of it may be what the store holds at the end. The store applies
 * writes one at a time and a server function's answer comes after its write, so for each target (the
 * name, a note's title) the final value comes from a write that no other write to that target was sent
 * after: a write answered before another was sent is overwritten by it. A write whose answer never came
 * (it failed) may or may not have happened: it stays a candidate, and overwrites nothing for certain.
 */
export interface Write {
  value: string;
  /** Logical times: one clock for every send and every answer of the run. */
  sent: number;
  answered: number;
}

export class WriteLog {
  private clock = 0;
  private readonly writes = new Map<string, Write[]>();

  /** Call just before the request is sent. */
  begin(target: string, value: string): Write {
    const write = { value, sent: this.clock++, answered: Infinity };
    const list = this.writes.get(target) ?? [];
    list.push(write);
    this.writes.set(target, list);
    return write;
  }

  /** Call once the whole answer has arrived and was as expected. */
  answered(write: Write): void {
    write.answered = this.clock++;
  }

  targets(): string[] {
    return [...this.writes.keys()];
  }

  /** Every value sent to this target. */
  sent(target: string): Set<string> {
    return new Set((this.writes.get(target) ?? []).map((write) => write.value));
  }

  /**
   * The values this target may hold at the end, or undefined when nothing was written to it: those of
   * the writes that no answered write (one known to have happened) was sent after.
   */
  finalCandidates(target: string): Set<string> | undefined {
    const writes = this.writes.get(target);
    if (!writes) return undefined;
    const happened = writes.filter((write) => write.answered !== Infinity).sort((a, b) => b.sent - a.sent);
    const lastSentByOthers = (write: Write) => (write === happened[0] ? (happened[1]?.sent ?? -1) : (happened[0]?.sent ?? -1));
    return new Set(writes.filter((write) => write.answered > lastSentByOthers(write)).map((write) => write.value));
  }
}
