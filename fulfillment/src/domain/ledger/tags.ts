/**
 * Tags (issue 12 point 4): a person's own labels across categories ("#work", "tag it travel"). A tag is
 * kept in one spelling — lower case, without the "#" — so "#Work", "work" and "WORK" are one tag in
 * every total and list.
 */
import { z } from 'zod';
import { LedgerError } from './errors';

export const MAX_TAG_LENGTH = 30;
export const MAX_TAGS_PER_ENTRY = 10;

/** Letters, digits, "_" and "-" (so a tag is one word in a message and one attribute name in a rollup). */
const TAG = /^[\p{L}\p{N}_-]+$/u;

export const tagsSchema = z.array(z.string()).max(MAX_TAGS_PER_ENTRY);

export class InvalidTagError extends LedgerError {
  override name = 'InvalidTagError';
  constructor(message: string) {
    super('note', message);
  }
}

/** The stored spelling of a tag ("#Work " → "work"); throws InvalidTagError when it cannot be one. */
export function normalizeTag(raw: string): string {
  const tag = raw.trim().replace(/^#+/, '').toLowerCase();
  if (tag === '') throw new InvalidTagError('That tag is empty. Name it with a word, like #work.');
  if (tag.length > MAX_TAG_LENGTH)
    throw new InvalidTagError(`Please keep a tag to ${MAX_TAG_LENGTH} characters or fewer.`);
  if (!TAG.test(tag))
    throw new InvalidTagError(`A tag is one word (letters, digits, "-" or "_"), like #work or #trip-2026.`);
  return tag;
}

/** The tags of one entry: normalised, each once, in the order first said, at most MAX_TAGS_PER_ENTRY. */
export function normalizeTags(raw: readonly string[]): string[] {
  const tags = [...new Set(raw.map(normalizeTag))];
  if (tags.length > MAX_TAGS_PER_ENTRY)
    throw new InvalidTagError(`An entry can carry at most ${MAX_TAGS_PER_ENTRY} tags.`);
  return tags;
}

/** "#work" as people write it. */
export const hashTag = (tag: string): string => `#${tag}`;
