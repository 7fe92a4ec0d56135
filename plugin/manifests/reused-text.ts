/**
 * Manifest text kept from one compilation of a compiler to the next. A watch rebuild after an edit that
 * leaves the server functions, their module IDs and their chunks as they were (a component's body, say)
 * would write the same server manifest again: for an app with a couple of thousand server functions
 * that is tens of milliseconds of CPU per rebuild, while comparing the facts it is written from costs
 * a fraction of one. So the text is made again only when those facts differ.
 *
 * The facts are a flat list of primitives (strings, numbers, booleans), compared one by one: they hold
 * no webpack object, since chunks and modules of one compilation are not those of the next.
 */
export class ReusedText<Text> {
  private facts: readonly unknown[] | undefined;
  private text: Text | undefined;

  /** How many times the text was made rather than reused (tests read it; nothing else does). */
  made = 0;

  get(facts: readonly unknown[], make: () => Text): Text {
    if (this.text !== undefined && this.facts !== undefined && sameFacts(this.facts, facts)) return this.text;
    this.made++;
    this.text = make();
    this.facts = facts;
    return this.text;
  }
}

function sameFacts(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
