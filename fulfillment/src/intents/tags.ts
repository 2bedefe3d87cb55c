/**
 * TagTransaction (issue 12 point 4): "tag it work", "tag the costco one as travel". The entry is found
 * as a correction finds it (the one just logged or changed, or the one described); the tag joins the
 * entry's others in one edit, so its rollups move with it and "undo" takes it off again.
 */
import { SlotName } from '@budgetbuddy/bot';
import { hashTag } from '../domain/ledger/tags';
import { afterLogging, snapshotOf } from '../lex/memory';
import { buttonsCard, Buttons, plainText } from '../lex/messages';
import { describeTransaction } from './support/describeTransaction';
import { readTag } from './support/tagSlot';
import { targetOf } from './EditTransaction';
import { withoutSlot, type IntentHandler } from './turn';

const AFTER_TAG = [Buttons.undo, Buttons.listTransactions, Buttons.spentThisMonth];

export const handleTagTransaction: IntentHandler = async (turn) => {
  const tag = readTag(turn);
  if (!tag || !tag.ok) {
    return turn.reply.elicitSlot(
      SlotName.Tag,
      [plainText(`${tag ? `${tag.problem} ` : ''}Which tag should I put on it? One word, like work.`)],
      {},
      withoutSlot(turn.intent, SlotName.Tag),
    );
  }
  const found = await targetOf(turn);
  if ('reply' in found) return found.reply;
  const entry = found.entry;
  const tags = entry.tags ?? [];
  if (tags.includes(tag.tag)) {
    return turn.reply.close([
      plainText(`${describeTransaction(entry, turn.today)} is already tagged ${hashTag(tag.tag)}.`),
      buttonsCard('Anything else?', AFTER_TAG.slice(1)),
    ]);
  }
  turn.writing = true;
  const result = await turn.repo.editTransaction(turn.userId, entry.id, { tags: [...tags, tag.tag] });
  if (!result) {
    return turn.reply.close([
      plainText('That entry is no longer there, so nothing was tagged.'),
      buttonsCard('Try', [Buttons.listTransactions]),
    ]);
  }
  const all = (result.after.tags ?? []).map(hashTag).join(' ');
  return turn.reply.close(
    [
      plainText(
        `Tagged ${describeTransaction(result.after, turn.today)} ${hashTag(tag.tag)}${all !== hashTag(tag.tag) ? ` (now ${all})` : ''}.`,
      ),
      buttonsCard('Anything else?', AFTER_TAG),
    ],
    {
      lastAction: { type: 'edit', transaction: snapshotOf(result.before) },
      lastLogged: afterLogging(turn.memory.lastLogged, result.after.id),
      pendingEdit: null,
      draft: null,
    },
  );
};
