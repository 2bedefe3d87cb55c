/**
 * Message builders within Lex's limits: content 1–1024 characters, at most five buttons, button text
 * and value 1–50 characters. Anything longer is shortened rather than rejected by Lex at runtime.
 */
import type { LexButton as Button, LexMessage } from '@budgetbuddy/bot/lex';

export type { Button };

const MAX_CONTENT = 1024;
const MAX_BUTTON = 50;
const MAX_BUTTONS = 5;

const clip = (s: string, max: number): string => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

export const plainText = (content: string): LexMessage => ({
  contentType: 'PlainText',
  content: clip(content, MAX_CONTENT),
});

export const buttonsCard = (title: string, buttons: readonly Button[], subtitle?: string): LexMessage => ({
  contentType: 'ImageResponseCard',
  imageResponseCard: {
    title: clip(title, 250),
    ...(subtitle ? { subtitle: clip(subtitle, 250) } : {}),
    buttons: buttons
      .filter((b) => b.text.trim() && b.value.trim())
      .slice(0, MAX_BUTTONS)
      .map((b) => ({ text: clip(b.text, MAX_BUTTON), value: b.value.slice(0, MAX_BUTTON) })),
  },
});

export const customPayload = (payload: unknown): LexMessage => ({
  contentType: 'CustomPayload',
  content: JSON.stringify(payload),
});

/** Button values are phrases the NLU understands; their text is what the user sees. */
export const Buttons = {
  undo: { text: 'Undo', value: 'undo' },
  yes: { text: 'Yes', value: 'yes' },
  no: { text: 'No', value: 'no' },
  help: { text: 'Help', value: 'help' },
  showBudgets: { text: 'Show my budgets', value: 'show my budgets' },
  spentThisMonth: { text: 'Spent this month', value: 'how much did I spend this month' },
  listTransactions: { text: 'Recent transactions', value: 'list my transactions' },
  setBudget: { text: 'Set a budget', value: 'set a budget' },
  logExpense: { text: 'Log an expense', value: 'log an expense' },
} as const satisfies Record<string, Button>;

/** Lines split across as few PlainText messages as Lex's 1024-character limit allows. */
export function textChunks(lines: readonly string[], maxMessages = 8): LexMessage[] {
  const chunks: string[] = [];
  for (const line of lines) {
    const last = chunks[chunks.length - 1];
    if (last !== undefined && last.length + 1 + line.length <= MAX_CONTENT)
      chunks[chunks.length - 1] = `${last}\n${line}`;
    else chunks.push(line);
  }
  return chunks.slice(0, maxMessages).map(plainText);
}
