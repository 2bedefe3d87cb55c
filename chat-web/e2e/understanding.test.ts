/**
 * Issue 10's conversations, typed into the chat app in Chromium against the whole local stack: what the
 * person reads in the bubbles, and what is stored afterwards (read back through GET /api/export.csv,
 * the file the person would download).
 */
import type { Page } from 'playwright-core';
import { artifactPath } from './support/browser';
import { axeViolations } from './support/axe';
import { useStackAndBrowser } from './support/suite';

jest.setTimeout(120_000);

const e2e = useStackAndBrowser();

interface ExportedRow {
  date: string;
  amount: string;
  category: string;
  note: string;
}

/** The person's transactions as the export file lists them (same identity as the chat). */
async function exported(page: Page, user: string): Promise<ExportedRow[]> {
  const response = await page.request.get(`${e2e.stack.chatUrl}/api/export.csv`, {
    headers: { 'X-BB-Local-User': user },
  });
  expect(response.status()).toBe(200);
  const [header, ...lines] = (await response.text()).trim().split(/\r?\n/);
  const columns = (header ?? '').split(',');
  // The notes here hold no commas or quotes, so a plain split reads the file.
  return lines.map((line) => {
    const cells = line.split(',');
    const cell = (name: string) => cells[columns.indexOf(name)] ?? '';
    return { date: cell('date'), amount: cell('amount'), category: cell('category'), note: cell('note') };
  });
}

describe("issue 10's conversations in the browser", () => {
  test('a question while the bot waits for a category is answered, and nothing is logged', async () => {
    const user = 'e2e-question-in-draft';
    const { page, chat } = await e2e.openChat(user);
    await expect(chat.say('spent 20')).resolves.toContain('What was it for?');
    const answer = await chat.say('how much have i spent lately');
    expect(answer).toContain('I dropped the $20.00 expense — tell me its category to log it.');
    expect(answer).toContain('You spent nothing');
    expect(await exported(page, user)).toEqual([]);
    await page.close();
  });

  test('a new expense instead of the answer is logged; the earlier one is dropped, not mis-logged', async () => {
    const user = 'e2e-new-in-draft';
    const { page, chat } = await e2e.openChat(user);
    await expect(chat.say('spent 15')).resolves.toContain('What was it for?');
    const reply = await chat.say('coffee 4');
    expect(reply).toContain('I dropped the $15.00 expense');
    expect(reply).toMatch(/Logged \$4\.00 for Food today/);
    expect(await exported(page, user)).toMatchObject([{ amount: '4.00', category: 'Food', note: 'coffee' }]);
    await page.close();
  });

  test('"change the costco one to 55" changes that entry; "put the laptop under education" moves it; undo', async () => {
    const user = 'e2e-edit-by-description';
    const { page, chat } = await e2e.openChat(user);
    await expect(chat.say('costco 45')).resolves.toContain('Logged $45.00 for Groceries today');
    const fixed = await chat.say('change the costco one to 55');
    expect(fixed).toContain('Fixed: $55.00 for Groceries today (costco) — it was $45.00.');
    expect(await exported(page, user)).toMatchObject([{ amount: '55.00', category: 'Groceries' }]);

    await expect(chat.say('laptop 900')).resolves.toContain('Logged $900.00 for Shopping today');
    const moved = await chat.say('put the laptop under education');
    expect(moved).toContain('Fixed: $900.00 for Education today (laptop) — it was Shopping.');
    let rows = await exported(page, user);
    expect(rows).toHaveLength(2);
    expect(rows).toContainEqual(expect.objectContaining({ amount: '900.00', category: 'Education' }));

    // Undo takes back the last change (the move), not the entry.
    const undone = await chat.say('undo');
    expect(undone).toContain("Undone: it's back to $900.00 for Shopping today (laptop).");
    rows = await exported(page, user);
    expect(rows.map((r) => `${r.amount} ${r.category}`).sort()).toEqual([
      '55.00 Groceries',
      '900.00 Shopping',
    ]);
    await page.screenshot({ path: artifactPath('understanding-edits.png') });
    await page.close();
  });

  test('"spent 20 on food last month" asks which day, and "the 15th" lands on last month\'s 15th', async () => {
    const user = 'e2e-range-write';
    const { page, chat } = await e2e.openChat(user);
    const ask = await chat.say('spent 20 on food last month');
    expect(ask).toMatch(
      /Which day last month was the \$20\.00 for Food\? \(for example "\w{3} \d{1,2}(, \d{4})?"\)/,
    );
    expect(await exported(page, user)).toEqual([]);
    const done = await chat.say('the 15th');
    expect(done).toMatch(/Logged \$20\.00 for Food on \w+, \w{3} 15/);
    const now = new Date();
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15));
    // The browser's time zone names "last month"; the test's clock is the same machine's.
    expect(await exported(page, user)).toMatchObject([
      { date: lastMonth.toISOString().slice(0, 10), amount: '20.00', category: 'Food' },
    ]);
    await page.close();
  });

  test('"how ya doin" gets a friendly answer and "what can you do" the list; nothing is stored', async () => {
    const user = 'e2e-small-talk';
    const { page, chat } = await e2e.openChat(user);
    const doing = await chat.say('how ya doin');
    expect(doing).toMatch(/doing well/i);
    expect(doing).not.toMatch(/didn't get that/i);
    const help = await chat.say('what can you do');
    expect(help).toContain("Here's what I can do:");
    expect(help).toContain('change the costco one to 55');
    expect(await exported(page, user)).toEqual([]);
    // Replies with buttons are the only views these turns create: the page stays accessible.
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
