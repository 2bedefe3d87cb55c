export interface ProgressBarProps {
  /** Whole percent; drawn up to 100, said as it is (a budget can be 120 % spent). */
  percent: number;
  labelledBy: string;
  /** What a screen reader says instead of the bare number ("85% spent, $340.00 of $400.00"). */
  valueText: string;
  level: 'ok' | 'warning' | 'over' | 'goal' | 'reached';
}

/** A bar with the progressbar role; its level is also said in words next to it, never by colour alone. */
export function ProgressBar({ percent, labelledBy, valueText, level }: ProgressBarProps) {
  const shown = Math.max(0, Math.min(100, percent));
  return (
    <div
      className={`bb-progress bb-progress--${level}`}
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={shown}
      aria-valuetext={valueText}
      aria-labelledby={labelledBy}
    >
      <div className="bb-progress__fill" style={{ width: `${shown}%` }} />
    </div>
  );
}
