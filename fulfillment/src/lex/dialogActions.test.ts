import { lexResponseSchema, type LexIntent } from '@budgetbuddy/bot/lex';
import { close, confirmIntent, elicitSlot } from './dialogActions';
import { plainText } from './messages';

const intent = (): LexIntent => ({
  name: 'LogExpense',
  slots: { Amount: { value: { interpretedValue: '5', originalValue: '5' } }, Category: null },
  state: 'InProgress',
  confirmationState: 'None',
});

describe('dialog actions', () => {
  it('build valid Lex responses with the exact action names and intent states', () => {
    const msg = [plainText('Hello')];
    const cases = [
      [close(intent(), 'Fulfilled', msg), 'Close', 'Fulfilled'],
      [close(intent(), 'Failed', msg), 'Close', 'Failed'],
      [elicitSlot(intent(), 'Category', msg), 'ElicitSlot', 'InProgress'],
      [confirmIntent(intent(), msg), 'ConfirmIntent', 'InProgress'],
    ] as const;
    for (const [response, type, state] of cases) {
      expect(lexResponseSchema.safeParse(response).success).toBe(true);
      expect(response.sessionState.dialogAction.type).toBe(type);
      expect(response.sessionState.intent?.state).toBe(state);
    }
    expect(elicitSlot(intent(), 'Category', msg).sessionState.dialogAction.slotToElicit).toBe('Category');
  });

  it('never mutate their input', () => {
    const input = intent();
    const contexts = [
      { name: 'x', timeToLive: { timeToLiveInSeconds: 60, turnsToLive: 1 }, contextAttributes: { a: '1' } },
    ];
    const before = JSON.stringify([input, contexts]);
    const response = close(input, 'Fulfilled', [plainText('ok')], { activeContexts: contexts });
    response.sessionState.intent!.slots!.Amount = null;
    response.sessionState.activeContexts![0]!.contextAttributes.a = '2';
    confirmIntent(input, [plainText('sure?')]);
    expect(JSON.stringify([input, contexts])).toBe(before);
  });
});
