export const SUGGESTIONS = [
  'spent 12.50 on lunch',
  'set my grocery budget to 400',
  'how much did I spend on food last month?',
  'what can you do?',
] as const;

export interface SuggestionsProps {
  disabled: boolean;
  onPick: (text: string) => void;
}

/** Examples shown on first open, so a new user sees what to type. */
export function Suggestions({ disabled, onPick }: SuggestionsProps) {
  return (
    <section className="bb-suggestions" aria-labelledby="bb-suggestions-title">
      <h2 id="bb-suggestions-title" className="bb-suggestions__title">
        Hi! I&apos;m BudgetBuddy.
      </h2>
      <p className="bb-suggestions__intro">
        Tell me what you spend, set budgets, and ask where your money went. Type below, or try one of these:
      </p>
      <ul className="bb-suggestions__list">
        {SUGGESTIONS.map((text) => (
          <li key={text}>
            <button
              type="button"
              className="bb-button bb-button--secondary"
              disabled={disabled}
              onClick={() => onPick(text)}
            >
              {text}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
