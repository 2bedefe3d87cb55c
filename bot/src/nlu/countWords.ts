/**
 * Counts said in words in date phrases ("two days ago", "the last thirty days", "a few weeks"). Shared
 * by the NLU, which resolves the Date slot, and the fulfillment, which turns the same words into a range,
 * so both read a phrase the same way. Bigger or compound numbers go through recognizers-text.
 */
export const COUNT_WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  sixty: 60,
  ninety: 90,
  'a couple of': 2,
  couple: 2,
  'a few': 3,
  few: 3,
};
