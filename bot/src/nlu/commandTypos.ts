/**
 * A misspelt command verb at the start of a message ("chnage the costco one to 5.50", "delte the coffee"):
 * read as the verb. Unread, the amount and the shop made it a new $5.50 expense — a wrong write where the
 * person asked for an edit. Only a word that is no real word, of five letters or more, one edit or one
 * swap of neighbours away from exactly one verb, and among the first words, is corrected.
 */
import { distance } from 'fastest-levenshtein';

const COMMAND_VERBS = ['change', 'update', 'delete', 'remove', 'correct', 'cancel', 'undo', 'edit'];

/** Words that may come before the verb: "pls chnage…", "no, delte that", "can you udpate…". */
const LEADING = new Set([
  'pls',
  'please',
  'plz',
  'no',
  'oops',
  'actually',
  'can',
  'could',
  'you',
  'wait',
  'sorry',
]);

const swapsNeighbours = (a: string, b: string): boolean => {
  if (a.length !== b.length) return false;
  const diff = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
  const [i, j] = diff;
  return diff.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i];
};

function verbFor(word: string, isKnownWord: (w: string) => boolean): string | undefined {
  if (word.length < 5 || isKnownWord(word)) return undefined;
  const near = COMMAND_VERBS.filter(
    (verb) => verb[0] === word[0] && (distance(word, verb) === 1 || swapsNeighbours(word, verb)),
  );
  return near.length === 1 ? near[0] : undefined;
}

/** `text` with a misspelt command verb among its first words spelt right; otherwise `text` itself. */
export function correctCommandVerb(text: string, isKnownWord: (w: string) => boolean): string {
  const words = /[A-Za-z]+/g;
  for (let seen = 0, m = words.exec(text); m && seen < 4; m = words.exec(text), seen++) {
    const word = m[0].toLowerCase();
    if (COMMAND_VERBS.includes(word)) return text;
    const verb = verbFor(word, isKnownWord);
    if (verb) return text.slice(0, m.index) + verb + text.slice(m.index + m[0].length);
    if (!LEADING.has(word)) return text;
  }
  return text;
}
