import { toChatReply } from './replyMapper';

const chart = {
  type: 'spendingChart',
  title: 'Spending by category this month',
  currency: 'USD',
  data: [{ label: 'Food', value: 12.5, formatted: '$12.50' }],
  total: { value: 12.5, formatted: '$12.50' },
};

test('text, cards with buttons and charts come through; unknown payloads and SSML do not', () => {
  const reply = toChatReply({
    messages: [
      { contentType: 'PlainText', content: 'You spent $12.50 this month.' },
      { contentType: 'CustomPayload', content: JSON.stringify(chart) },
      { contentType: 'PlainText', content: 'By category: Food $12.50.' },
      { contentType: 'CustomPayload', content: '{"type":"confetti"}' },
      { contentType: 'CustomPayload', content: 'not json' },
      { contentType: 'SSML', content: '<speak>hi</speak>' },
      {
        contentType: 'ImageResponseCard',
        imageResponseCard: { title: 'Anything else?', buttons: [{ text: 'Undo', value: 'undo' }] },
      },
    ],
    sessionState: { dialogAction: { type: 'Close' }, intent: { name: 'QuerySpending', state: 'Fulfilled' } },
  });
  expect(reply).toEqual({
    messages: [
      { type: 'text', text: 'You spent $12.50 this month.' },
      { type: 'chart', chart, text: 'By category: Food $12.50.' },
      { type: 'card', title: 'Anything else?', buttons: [{ text: 'Undo', value: 'undo' }] },
    ],
    intent: 'QuerySpending',
    dialogState: 'Close',
  });
});

test('a chart without a text twin still reads as its title', () => {
  const reply = toChatReply({ messages: [{ contentType: 'CustomPayload', content: JSON.stringify(chart) }] });
  expect(reply.messages).toEqual([{ type: 'chart', chart, text: chart.title }]);
});

test('a download payload becomes a download message; one pointing outside the API is dropped', () => {
  const download = {
    type: 'download',
    label: 'Download CSV',
    url: '/api/export.csv?from=2026-10-01&to=2026-10-31',
  };
  const reply = toChatReply({
    messages: [
      { contentType: 'PlainText', content: 'Here are your transactions.' },
      { contentType: 'CustomPayload', content: JSON.stringify(download) },
      {
        contentType: 'CustomPayload',
        content: JSON.stringify({ ...download, url: 'https://evil.example/export.csv' }),
      },
      { contentType: 'CustomPayload', content: JSON.stringify({ ...download, url: '//evil.example/a' }) },
    ],
  });
  expect(reply.messages).toEqual([{ type: 'text', text: 'Here are your transactions.' }, download]);
});
