import { IntentName } from '../names';
import type { IntentDefinition } from '../types';
import { currencySlot } from './slots';

/** The user's default currency: new entries are in it, and amounts are shown in it. */
export const SetCurrency: IntentDefinition = {
  name: IntentName.SetCurrency,
  description: "Change the user's default currency.",
  sampleUtterances: [
    'set my currency to {Currency}',
    'change my currency to {Currency}',
    'change currency to {Currency}',
    'switch to {Currency}',
    'switch my currency to {Currency}',
    'use {Currency}',
    'use {Currency} from now on',
    'I use {Currency}',
    'I want to use {Currency}',
    'my currency is {Currency}',
    'my default currency is {Currency}',
    'set the default currency to {Currency}',
    'make {Currency} my currency',
    'make {Currency} the default',
    'everything in {Currency} please',
    'show amounts in {Currency}',
    'track my money in {Currency}',
    'I get paid in {Currency}',
    'I live in a country that uses {Currency}',
    'change the currency',
    'change my currency',
    'set my currency',
    'set currency',
    'currency {Currency}',
    'I want to change my currency',
    'can you switch the currency to {Currency}',
    'from now on use {Currency}',
    'log things in {Currency}',
  ],
  slots: [currencySlot(true)],
  dialogCodeHook: true,
  fulfillmentCodeHook: true,
};
