/**
 * What a bot reply claims happened to the ledger, read the way a person reads it (the sentences come
 * from fulfillment/src/intents/*). The fuzz and fault tests compare these claims with what is really
 * stored: a write the reply did not announce, or an announced write that is missing, is a bug either way.
 * Amounts are read for two-decimal currencies (the default USD profile).
 */

/** "Logged $12.50 for Food today." → 1250. Null when the reply does not say that something was logged. */
export function loggedAmountMinor(text: string): number | null {
  return amountAfter(text, /^Logged\b/);
}

/** "Deleted $12.50 …" / "Undone: I removed $12.50 …" → 1250; null when nothing was said to be removed. */
export function deletedAmountMinor(text: string): number | null {
  return amountAfter(text, /^(?:Deleted|Undone: I removed)\b/);
}

/** "Done: your Food budget is $400.00 a month." / "Updated: …" → 40000; null otherwise. */
export function budgetSetAmountMinor(text: string): number | null {
  return amountAfter(text, /^(?:Done|Updated): your .*? is\b/);
}

/** Every change to the entries a reply announces: amounts added to and removed from the ledger. */
export interface LedgerClaims {
  added: number[];
  removed: number[];
  /** Budget limits the reply says are now in force. */
  budgets: number[];
}

/**
 * All claims of a reply, line by line: "Logged $X" (one line per entry of a sentence like "12 on lunch
 * and 5 on coffee"), "Undone: I put back $X" (a deleted entry restored), "Deleted $X" / "Undone: I
 * removed $X", "Fixed: $NEW … — it was $OLD" (a correction replaces the entry: OLD out, NEW in; when only
 * the date or category changed, "it was" names those and the amount is unchanged), and budgets set or
 * restored ("Done:/Updated: your … is $X", "Undone: your … is back to $X").
 */
export function ledgerClaims(text: string): LedgerClaims {
  const claims: LedgerClaims = { added: [], removed: [], budgets: [] };
  for (const line of text.split('\n').map((l) => l.trimStart())) {
    const logged = amountAfter(line, /^(?:Logged|Undone: I put back)\b/);
    if (logged !== null) claims.added.push(logged);
    const removed = amountAfter(line, /^(?:Deleted|Undone: I removed)\b/);
    if (removed !== null) claims.removed.push(removed);
    const fixed = amountAfter(line, /^Fixed:/);
    if (fixed !== null) {
      claims.added.push(fixed);
      claims.removed.push(amountAfter(line, /^Fixed:.*? — it was\b/) ?? fixed);
    }
    const budget =
      amountAfter(line, /^(?:Done|Updated): your .*? is\b/) ??
      amountAfter(line, /^Undone: your .*? is back to\b/);
    if (budget !== null) claims.budgets.push(budget);
  }
  return claims;
}

/**
 * The claim must open the line, so a note or category the user typed ("(Logged $5)") cannot fake one,
 * and the amount is the first one after the verb, before any user text.
 */
function amountAfter(text: string, claim: RegExp): number | null {
  for (const line of text.split('\n')) {
    const match = claim.exec(line.trimStart());
    if (!match) continue;
    const rest = line.trimStart().slice(match[0].length);
    const amount = /^\s*(-?)[$€£]?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?/.exec(rest);
    if (!amount) continue;
    const whole = Number((amount[2] ?? '0').replaceAll(',', ''));
    const fraction = Number(((amount[3] ?? '') + '00').slice(0, 2));
    return (amount[1] === '-' ? -1 : 1) * (whole * 100 + fraction);
  }
  return null;
}

/** True when the reply tells the person their message was not saved and to try again. */
export function saysNotSavedRetry(text: string): boolean {
  const notSaved =
    /\b(?:couldn't|could not|can't|cannot|didn't|did not|wasn't|was not)\s+(?:be\s+)?(?:save|saved|log|logged|record|recorded|store|stored)\b|\bnothing (?:was|has been) (?:saved|logged|recorded)\b|\bnot (?:saved|logged|recorded)\b/i;
  const retry = /\b(?:try again|retry|try later|again in a moment)\b/i;
  return notSaved.test(text) && retry.test(text);
}
