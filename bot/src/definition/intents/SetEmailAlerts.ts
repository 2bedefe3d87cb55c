import { IntentName, SlotName } from '../names';
import type { IntentDefinition } from '../types';
import { prompt } from './prompts';

/**
 * Whether budget alerts are e-mailed to the person (deployed: to their verified sign-in address), and
 * at which thresholds. A settings write: stored in the profile, undoable like currency and time zone.
 */
export const SetEmailAlerts: IntentDefinition = {
  name: IntentName.SetEmailAlerts,
  description: 'Turn budget alert e-mails on or off, or keep only the over-budget one.',
  sampleUtterances: [
    '{EmailAlerts} the emails',
    '{EmailAlerts} emails',
    '{EmailAlerts} the mail alerts',
    '{EmailAlerts} the e mails',
    '{EmailAlerts} e mail alerts',
    '{EmailAlerts} the email alerts',
    '{EmailAlerts} email alerts',
    '{EmailAlerts} the budget emails',
    '{EmailAlerts} budget alert emails',
    '{EmailAlerts} emailing me',
    '{EmailAlerts} sending me emails',
    '{EmailAlerts} the alert emails',
    'turn {EmailAlerts} email alerts',
    'turn {EmailAlerts} the emails',
    'turn email alerts {EmailAlerts}',
    'turn the budget emails {EmailAlerts}',
    'switch email notifications {EmailAlerts}',
    'email notifications {EmailAlerts}',
    'email alerts {EmailAlerts}',
    'please {EmailAlerts} emailing me',
    'I want {EmailAlerts} emails',
    'no more emails',
    'I do not want emails anymore',
    "I don't want any more emails",
    '{EmailAlerts} when I go over budget',
    '{EmailAlerts} when I go over my budget',
    'email me when I go over budget',
    'email me if I go over my budget',
    'can you email me if I overspend',
    'send me an email once I hit my limit',
    '{EmailAlerts} the overspending emails',
    'email me when I am close to my budget',
    'send me an email when I go over budget',
    'let me know by email when I go over budget',
    'email me {EmailAlerts}',
    'only email me {EmailAlerts}',
    'email me {EmailAlerts} of my budget',
    'only send emails {EmailAlerts}',
    'only email me when I go over',
    'only email me at 100 percent',
    'only send me an email when I go over budget',
    'email alerts',
    'change my email alerts',
    'email settings',
  ],
  slots: [
    {
      name: SlotName.EmailAlerts,
      description: 'Off, On (80% and 100%) or OverOnly (100%).',
      slotTypeName: 'EmailAlertType',
      required: false,
      prompt: prompt(
        'Should I e-mail you budget alerts at 80% and 100%, only when you go over, or not at all?',
        'Say "email me at 80% and 100%", "only email me at 100%" or "stop the e-mails".',
      ),
      sampleUtterances: ['{EmailAlerts}', '{EmailAlerts} please'],
    },
  ],
  dialogCodeHook: true,
  fulfillmentCodeHook: false,
};
