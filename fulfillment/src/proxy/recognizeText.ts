/**
 * The one RecognizeText request a turn is sent to Lex with: the chat proxy sends it for every part of a
 * message, and the conversation harness, the NLU evaluation and the recognize bench send the same one,
 * so what the code hook sees in tests is what it sees behind the proxy.
 */
import type { RecognizeTextCommandInput } from '@aws-sdk/client-lex-runtime-v2';
import {
  MESSAGE_ID_ATTRIBUTE,
  MESSAGE_PART_ATTRIBUTE,
  REQUEST_ID_ATTRIBUTE,
  TIME_ZONE_ATTRIBUTE,
  USER_ID_ATTRIBUTE,
} from '@budgetbuddy/bot';
import { signedSessionAttributes, type IdentityKeys } from '../lex/identitySignature';
import type { BotConfig } from './botConfig';

export interface RecognizeTextTurn {
  bot: BotConfig;
  sessionId: string;
  text: string;
  userId: string;
  /**
   * The key the user id is signed with, as the proxy signs it. Without it the user id goes unsigned: a
   * runtime that checks signatures drops it, and the code hook then reads and writes nothing.
   */
  keys?: IdentityKeys;
  timeZone?: string;
  /** The turn's idempotency key: a resent turn with the same id does not log twice. */
  requestId?: string;
  /** The id of the whole message when the proxy split it into parts (one undo takes back all). */
  messageId?: string;
  /** Which part of the message this is, as "2/3". */
  part?: { index: number; of: number };
}

export function recognizeTextInput(turn: RecognizeTextTurn): RecognizeTextCommandInput {
  return {
    botId: turn.bot.botId,
    botAliasId: turn.bot.botAliasId,
    localeId: turn.bot.localeId,
    sessionId: turn.sessionId,
    text: turn.text,
    // Only the user id and its signature: session attributes sent replace the stored ones, while the
    // dialog state and active contexts (the bot's memory) stay with Lex.
    sessionState: {
      sessionAttributes: turn.keys
        ? signedSessionAttributes(turn.keys, turn.userId, turn.sessionId)
        : { [USER_ID_ATTRIBUTE]: turn.userId },
    },
    requestAttributes: {
      ...(turn.timeZone !== undefined ? { [TIME_ZONE_ATTRIBUTE]: turn.timeZone } : {}),
      ...(turn.requestId !== undefined ? { [REQUEST_ID_ATTRIBUTE]: turn.requestId } : {}),
      ...(turn.messageId !== undefined ? { [MESSAGE_ID_ATTRIBUTE]: turn.messageId } : {}),
      ...(turn.part ? { [MESSAGE_PART_ATTRIBUTE]: `${turn.part.index}/${turn.part.of}` } : {}),
    },
  };
}
