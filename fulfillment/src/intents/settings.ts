/**
 * SetCurrency, SetTimeZone and SetEmailAlerts: profile settings, each undoable. The Currency slot carries an ISO 4217
 * code and the TimeZone slot an IANA zone; both are checked before anything changes. Amounts are never
 * converted: entries and budgets keep the currency they were made in, and the reply says so.
 */
import { EmailAlertSetting, SlotName } from '@budgetbuddy/bot';
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

const ALERT_CHOICES = {
  [EmailAlertSetting.On]: 'at 80% and at 100% of a budget',
  [EmailAlertSetting.OverOnly]: 'only when you go over a budget (100%)',
  [EmailAlertSetting.Off]: 'never',
} as const;

function isAlertSetting(value: string | undefined): value is EmailAlertSetting {
  return value !== undefined && Object.hasOwn(ALERT_CHOICES, value);
}

/** What the reply says the setting now does; e-mails exist only where a mail sender is configured. */
function describeAlerts(setting: EmailAlertSetting): string {
  return setting === EmailAlertSetting.Off
    ? "I won't e-mail you budget alerts. You'll still see them here in the chat."
    : `I'll e-mail you budget alerts ${ALERT_CHOICES[setting]}, once per budget and period, to the address you signed in with.`;
}

export const handleSetEmailAlerts: IntentHandler = async (turn) => {
  const current = turn.profile.emailAlerts ?? EmailAlertSetting.On;
  const slot = turn.slot(SlotName.EmailAlerts);
  const said = slot?.interpreted;
  if (!isAlertSetting(said)) {
    return turn.reply.elicitSlot(SlotName.EmailAlerts, [
      plainText(
        `Right now I e-mail you budget alerts ${ALERT_CHOICES[current]}. Should I e-mail you at 80% and 100%, only when you go over, or not at all?`,
      ),
      buttonsCard('E-mail alerts', [
        { text: '80% and 100%', value: 'email me at 80% and 100%' },
        { text: 'Only at 100%', value: 'only email me at 100%' },
        { text: 'No e-mails', value: 'stop the e-mails' },
      ]),
    ]);
  }
  if (said === current) {
    return turn.reply.close([plainText(`Already set: ${describeAlerts(current)}`)]);
  }
  turn.writing = true;
  await turn.repo.putProfile(turn.userId, { ...turn.profile, emailAlerts: said });
  return turn.reply.close(
    [
      plainText(`Done — ${describeAlerts(said)}`),
      buttonsCard('Anything else?', [Buttons.undo, Buttons.logExpense, Buttons.help]),
    ],
    {
      lastAction: { type: 'setting', field: 'emailAlerts', previous: current },
      ...(pushedBack(turn.memory.lastLogged) ? { lastLogged: pushedBack(turn.memory.lastLogged) } : {}),
    },
  );
};
