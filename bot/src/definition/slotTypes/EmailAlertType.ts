import type { SlotTypeDefinition } from '../types';
import { EmailAlertSetting } from '../names';

/**
 * What a person wants from budget alert e-mails. The values are fixed (fulfillment stores them in the
 * profile); the synonyms are the words of the request itself, so "stop the e-mails" fills Off and
 * "only email me at 100%" fills OverOnly, on Amazon Lex and in the local NLU alike.
 */
export const EmailAlertType: SlotTypeDefinition = {
  name: 'EmailAlertType',
  description: 'Which budget alerts are e-mailed: none, 80% and 100%, or only 100%.',
  resolutionStrategy: 'TOP_RESOLUTION',
  // Phrases, not lone verbs: every slot type's values are found in every sentence before it is
  // classified, so "stop", "cancel" or "on" alone would blur "cancel that" or "stop budgeting for shopping".
  values: [
    {
      value: EmailAlertSetting.Off,
      synonyms: [
        'stop the emails',
        'stop emails',
        'stop the e-mails',
        'stop e-mails',
        'stop emailing',
        'stop sending',
        'stop the email alerts',
        'stop the mail alerts',
        'stop e mail alerts',
        'turn off',
        'switch off',
        'disable',
        'no more',
        'unsubscribe',
        'unsubscribe me',
        "don't email",
        'do not email',
        "don't send",
        'do not send',
        "don't want any more",
        'mute',
      ],
    },
    {
      value: EmailAlertSetting.On,
      synonyms: [
        'turn on',
        'switch on',
        'back on',
        'enable',
        'resume',
        'email me',
        'send me',
        'at 80%',
        'at 80 percent',
      ],
    },
    {
      value: EmailAlertSetting.OverOnly,
      synonyms: [
        'only email me',
        'only send me',
        'only send',
        'just email me',
        'only at 100%',
        'only at 100 percent',
        'at 100%',
        'at 100 percent',
        'only when i go over',
        'only when i am over',
        "only when i'm over",
        'only when over',
        'only over budget',
        'only if i go over',
        'only overspending',
        'just at 100%',
        'only when it is used up',
      ],
    },
  ],
};
