/** Yes/no answers to a confirmation prompt ("Delete it?"), in the many ways people say them. */
import { lowerKeepingOffsets } from './spans';

const YES = [
  'yes',
  'yeah',
  'yea',
  'yep',
  'yup',
  'ya',
  'y',
  'sure',
  'ok',
  'okay',
  'k',
  'correct',
  'right',
  'confirm',
  'confirmed',
  'affirmative',
  'absolutely',
  'definitely',
  'certainly',
  'please',
  'do it',
  'go ahead',
  'go for it',
  'of course',
  'sounds good',
  'that is right',
  "that's right",
  'yes please',
  'replace it',
  'overwrite',
  'proceed',
  'true',
  'alright',
  'fine',
  '👍',
];
const NO = [
  'no',
  'nope',
  'nah',
  'n',
  'cancel',
  'stop',
  'dont',
  "don't",
  'do not',
  'never mind',
  'nevermind',
  'negative',
  'not really',
  'no thanks',
  'wrong',
  'keep it',
  'leave it',
  'false',
  'abort',
  '👎',
];

const escape = (p: string): string => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const pattern = (phrases: string[]): RegExp =>
  new RegExp(`(?:^|[^\\p{L}])(?:${phrases.map(escape).join('|')})(?=$|[^\\p{L}])`, 'u');
const YES_RE = pattern(YES);
const NO_RE = pattern(NO);

export function classifyConfirmation(text: string): 'yes' | 'no' | null {
  const lower = lowerKeepingOffsets(text.trim()).replace(/’/g, "'");
  if (!lower) return null;
  const yes = YES_RE.test(lower);
  const no = NO_RE.test(lower);
  if (yes === no) {
    // Both ("yes... actually no, cancel"): refusing is the safe reading; neither: not an answer.
    return no ? 'no' : null;
  }
  return yes ? 'yes' : 'no';
}
