import { IntentName } from '../names';
import type { IntentDefinition } from '../types';
import { timeZoneSlot } from './slots';

/** The user's time zone: "today" and "last month" are days in it. */
export const SetTimeZone: IntentDefinition = {
  name: IntentName.SetTimeZone,
  description: "Change the user's time zone.",
  sampleUtterances: [
    'set my time zone to {TimeZone}',
    'set my timezone to {TimeZone}',
    'change my time zone to {TimeZone}',
    'change the timezone to {TimeZone}',
    'switch my time zone to {TimeZone}',
    'use {TimeZone} time zone',
    'use {TimeZone} time',
    'my time zone is {TimeZone}',
    'my timezone is {TimeZone}',
    'I am in the {TimeZone} time zone',
    "I'm on {TimeZone} time",
    'I live in {TimeZone}',
    'I moved to {TimeZone}',
    'I just moved to {TimeZone}',
    'I am based in {TimeZone}',
    'I live in {TimeZone} now',
    "I'm in {TimeZone} now",
    'set time zone',
    'change my time zone',
    'change time zone',
    'update my timezone',
    'my time zone is wrong',
    'wrong time zone',
    'time zone {TimeZone}',
    'timezone {TimeZone}',
    'set the clock to {TimeZone} time',
    'use the time in {TimeZone}',
  ],
  slots: [timeZoneSlot],
  dialogCodeHook: true,
  fulfillmentCodeHook: false,
};
