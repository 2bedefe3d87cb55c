import type { Button } from '@budgetbuddy/fulfillment/chat-api';

export interface ResponseCardProps {
  title: string;
  subtitle: string | undefined;
  buttons: Button[];
  disabled: boolean;
  onChoose: (button: Button) => void;
}

/** A Lex response card. Images are not shown: the bot never sends any and they would track users. */
export function ResponseCard({ title, subtitle, buttons, disabled, onChoose }: ResponseCardProps) {
  return (
    <div className="bb-card">
      <p className="bb-card__title">{title}</p>
      {subtitle ? <p className="bb-card__subtitle">{subtitle}</p> : null}
      {buttons.length > 0 ? (
        <div className="bb-card__buttons">
          {buttons.map((button) => (
            <button
              key={`${button.value}:${button.text}`}
              type="button"
              className="bb-button bb-button--secondary"
              disabled={disabled}
              onClick={() => onChoose(button)}
            >
              {button.text}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
