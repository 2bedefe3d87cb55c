/** Turns an intent from the wire (caller or code hook) into a session intent of the bot. */
import type { LexIntent, LexSlot } from '../lex/schemas';
import type { BotModel } from './BotModel';
import type { SessionIntent } from './types';

/**
 * Every slot of the intent is present afterwards. Fields the wire intent leaves out keep their current
 * value when it names the same intent. Returns undefined for an intent the bot does not have.
 */
export function sessionIntentFrom(
  model: BotModel,
  given: LexIntent,
  current: SessionIntent | undefined,
): SessionIntent | undefined {
  const intent = model.intent(given.name);
  if (!intent) return undefined;
  const same = current?.name === given.name ? current : undefined;
  const slots: Record<string, LexSlot | null> = {};
  for (const name of intent.slotsByName.keys()) {
    const fromWire = given.slots?.[name];
    slots[name] = fromWire !== undefined ? fromWire : (same?.slots[name] ?? null);
  }
  return {
    name: intent.definition.name,
    slots,
    state: given.state ?? same?.state ?? 'InProgress',
    confirmationState: given.confirmationState ?? same?.confirmationState ?? 'None',
  };
}
