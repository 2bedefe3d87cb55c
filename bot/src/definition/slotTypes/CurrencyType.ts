import type { SlotTypeDefinition } from '../types';

/**
 * ISO 4217 codes, with the names people use for them. Symbols ("$", "€") are read with the amount they
 * stand beside (numbers.ts); as synonyms they would tokenize to nothing or to a word ("a$" → "a").
 * TOP_RESOLUTION, so the slot's interpretedValue is always the code fulfillment stores ("euros" → EUR).
 */
const currencies: Record<string, string[]> = {
  USD: ['usd', 'us dollars', 'us dollar', 'dollars', 'dollar', 'american dollars', 'bucks'],
  EUR: ['eur', 'euro', 'euros'],
  GBP: ['gbp', 'pound', 'pounds', 'pound sterling', 'sterling', 'british pounds', 'quid'],
  JPY: ['jpy', 'yen', 'japanese yen'],
  VND: ['vnd', 'dong', 'vietnamese dong'],
  INR: ['inr', 'rupee', 'rupees', 'indian rupees', 'indian rupee'],
  CAD: ['cad', 'canadian dollars', 'canadian dollar'],
  AUD: ['aud', 'australian dollars', 'australian dollar'],
  CHF: ['chf', 'swiss francs', 'swiss franc', 'francs'],
  CNY: ['cny', 'yuan', 'renminbi', 'rmb', 'chinese yuan'],
  MXN: ['mxn', 'mexican pesos', 'mexican peso', 'pesos'],
  BRL: ['brl', 'reais', 'brazilian real', 'brazilian reais'],
  KRW: ['krw', 'korean won'],
  SGD: ['sgd', 'singapore dollars', 'singapore dollar'],
  NZD: ['nzd', 'new zealand dollars', 'new zealand dollar', 'kiwi dollars'],
  SEK: ['sek', 'swedish krona', 'swedish kronor', 'kronor'],
  NOK: ['nok', 'norwegian krone', 'norwegian kroner'],
  DKK: ['dkk', 'danish krone', 'danish kroner'],
  PLN: ['pln', 'zloty', 'polish zloty'],
  ZAR: ['zar', 'rand', 'south african rand'],
  HKD: ['hkd', 'hong kong dollars', 'hong kong dollar'],
  THB: ['thb', 'baht', 'thai baht'],
  IDR: ['idr', 'rupiah', 'indonesian rupiah'],
  PHP: ['philippine pesos', 'philippine peso'],
  TRY: ['lira', 'turkish lira'],
  ILS: ['ils', 'shekel', 'shekels', 'israeli shekel'],
  AED: ['aed', 'dirham', 'dirhams', 'uae dirham'],
  CZK: ['czk', 'czech koruna', 'koruna'],
  HUF: ['huf', 'forint', 'hungarian forint'],
  NGN: ['ngn', 'naira', 'nigerian naira'],
};

export const CurrencyType: SlotTypeDefinition = {
  name: 'CurrencyType',
  description: 'A currency, resolved to its ISO 4217 code.',
  resolutionStrategy: 'TOP_RESOLUTION',
  values: Object.entries(currencies).map(([value, synonyms]) => ({ value, synonyms })),
};
