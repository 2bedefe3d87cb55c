import type { Locator, Page } from 'playwright-core';

/** Page object for the chat app: tests talk about what a user sees, not about selectors. */
export class ChatPage {
  readonly composer: Locator;
  readonly botMessages: Locator;
  readonly userMessages: Locator;
  readonly announcer: Locator;
  readonly sendError: Locator;

  constructor(readonly page: Page) {
    this.composer = page.getByTestId('composer');
    this.botMessages = page.getByTestId('bot-message');
    this.userMessages = page.getByTestId('user-message');
    this.announcer = page.getByTestId('announcer');
    this.sendError = page.getByTestId('send-error');
  }

  async open(baseUrl: string, user: string): Promise<void> {
    await this.page.goto(`${baseUrl}/?user=${encodeURIComponent(user)}`);
    await this.composer.waitFor();
  }

  /** Types a message and presses Enter, waits for the answer and returns its text (all its bubbles). */
  async say(text: string): Promise<string> {
    const before = await this.botMessages.count();
    await this.composer.fill(text);
    await this.composer.press('Enter');
    await this.waitForBotMessages(before + 1);
    return (await this.botMessages.allInnerTexts()).slice(before).join('\n');
  }

  /** The newest chart's drawing (recharts renders an svg once its lazy chunk has loaded). */
  lastChart(): Locator {
    return this.page.locator('[data-testid="bot-message"] svg.recharts-surface').last();
  }

  async waitForBotMessages(count: number): Promise<void> {
    await this.page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="bot-message"]').length >= n,
      count,
    );
    await this.page.getByTestId('typing').waitFor({ state: 'detached' });
  }
}
