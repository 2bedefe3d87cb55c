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

  /** The newest chart as drawn (its <figure>), once the lazily loaded chart code has rendered it. */
  lastChartFigure(): Locator {
    return this.page.getByTestId('spending-chart').last();
  }

  /** True when the element is inside the message list's visible area (not scrolled away). */
  async inConversationView(target: Locator): Promise<boolean> {
    const [box, list] = await Promise.all([
      target.boundingBox(),
      this.page.locator('.cs-message-list__scroll-wrapper').boundingBox(),
    ]);
    if (!box || !list) return false;
    return box.y >= list.y - 1 && box.y + box.height <= list.y + list.height + 1;
  }

  /** Gives the paperclip's file input a file, as picking it in the file chooser does. */
  async attach(name: string, mimeType: string, buffer: Buffer): Promise<void> {
    await this.page.getByTestId('attach-input').setInputFiles({ name, mimeType, buffer });
  }

  /** Waits until some bot bubble contains `text` (an import's summary arrives without a turn of ours). */
  async waitForBotText(text: string, timeout?: number): Promise<void> {
    await this.page.waitForFunction(
      (t) =>
        [...document.querySelectorAll('[data-testid="bot-message"]')].some((m) => m.textContent?.includes(t)),
      text,
      timeout === undefined ? {} : { timeout },
    );
  }

  /** Waits for `count` bot bubbles in all, then for the typing indicator to go. */
  async waitForBotMessages(count: number, timeout?: number): Promise<void> {
    await this.page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="bot-message"]').length >= n,
      count,
      timeout === undefined ? {} : { timeout },
    );
    await this.page.getByTestId('typing').waitFor({ state: 'detached' });
  }
}
