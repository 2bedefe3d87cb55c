/**
 * SetCurrency and SetTimeZone: profile settings, each undoable. The Currency slot carries an ISO 4217
 * code and the TimeZone slot an IANA zone; both are checked before anything changes. Amounts are never
 * converted: entries and budgets keep the currency they were made in, and the reply says so.
 */
import { SlotName } from '@budgetbuddy/bot';
import { formatMoney, isKnownCurrency, normalizeCurrency } from '../domain/ledger/money';
import { isKnownTimeZone } from '../domain/ledger/periods';
import { pushedBack } from '../lex/memory';
import { buttonsCard, Buttons, plainText } from '../lex/messages';
import { withoutSlot, type IntentHandler } from './turn';

export const handleSetCurrency: IntentHandler = async (turn) => {
  const current = turn.profile.currency;
  const slot = turn.slot(SlotName.Currency);
  const said = slot?.interpreted ?? slot?.original;
  if (!said) {
    return turn.reply.elicitSlot(SlotName.Currency, [
      plainText(
        `I keep your money in ${current}. Which currency should I use instead? (for example EUR or GBP)`,
      ),
    ]);
  }
  const code = said.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code) || !isKnownCurrency(code)) {
    return turn.reply.elicitSlot(
      SlotName.Currency,
      [
        plainText(
          `I don't know a currency called "${slot?.original ?? said}". Which one? A code like EUR works.`,
        ),
      ],
      {},
      withoutSlot(turn.intent, SlotName.Currency),
    );
  }
  const wanted = normalizeCurrency(code);
  if (wanted === current) {
    return turn.reply.close([plainText(`Your currency is already ${current} — nothing to change.`)]);
  }
  const [recent, budgets] = await Promise.all([
    turn.repo.listRecent(turn.userId, 1),
    turn.repo.listBudgets(turn.userId),
  ]);
  turn.writing = true;
  await turn.repo.putProfile(turn.userId, { ...turn.profile, currency: wanted });
  const kept =
    recent.length > 0 || budgets.length > 0
      ? ` What you logged and budgeted in ${current} stays in ${current}: I don't convert it, and it doesn't count toward ${wanted} totals or budgets.`
      : '';
  return turn.reply.close(
    [
      plainText(
        `Done — from now on I'll use ${wanted}: amounts look like ${formatMoney(1250, wanted)}.${kept}`,
      ),
      buttonsCard('Anything else?', [
        Buttons.undo,
        { text: `Back to ${current}`, value: `set my currency to ${current}` },
        Buttons.logExpense,
      ]),
    ],
    {
      lastAction: { type: 'setting', field: 'currency', previous: current },
      ...(pushedBack(turn.memory.lastLogged) ? { lastLogged: pushedBack(turn.memory.lastLogged) } : {}),
    },
  );
};

export const handleSetTimeZone: IntentHandler = async (turn) => {
  const current = turn.profile.timeZone;
  const slot = turn.slot(SlotName.TimeZone);
  const said = slot?.interpreted ?? slot?.original;
  if (!said) {
    return turn.reply.elicitSlot(SlotName.TimeZone, [
      plainText(`Your time zone is ${current}. Which one should I use? A city works, like London or Tokyo.`),
    ]);
  }
  if (!isKnownTimeZone(said)) {
    return turn.reply.elicitSlot(
      SlotName.TimeZone,
      [plainText(`I don't know the time zone "${slot?.original ?? said}". Which city are you in?`)],
      {},
      withoutSlot(turn.intent, SlotName.TimeZone),
    );
  }
  if (said === current && turn.profile.timeZoneChosen) {
    return turn.reply.close([plainText(`Your time zone is already ${current} — nothing to change.`)]);
  }
  turn.writing = true;
  await turn.repo.putProfile(turn.userId, { ...turn.profile, timeZone: said, timeZoneChosen: true });
  return turn.reply.close(
    [
      plainText(`Done — I'll use ${said} for "today" and your weeks and months from now on.`),
      buttonsCard('Anything else?', [Buttons.undo, Buttons.logExpense, Buttons.help]),
    ],
    {
      lastAction: { type: 'setting', field: 'timeZone', previous: current },
      ...(pushedBack(turn.memory.lastLogged) ? { lastLogged: pushedBack(turn.memory.lastLogged) } : {}),
    },
  );
};
