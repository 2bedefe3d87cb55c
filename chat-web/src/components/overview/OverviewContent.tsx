import type { Overview, OverviewBudget, OverviewGoal } from '@budgetbuddy/fulfillment/chat-api';
import type { OverviewState } from '../../hooks/useOverview';
import { ProgressBar } from './ProgressBar';

export interface OverviewContentProps {
  state: OverviewState;
  onRetry: () => void;
  /** Prefix for element ids: the panel and the drawer never show at once, but ids stay unique anyway. */
  idPrefix: string;
}

const LEVEL_TEXT: Record<OverviewBudget['level'], string | null> = {
  ok: null,
  warning: 'Near limit',
  over: 'Over budget',
};

const dayFormat = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});
const formatDay = (isoDay: string) => dayFormat.format(new Date(`${isoDay}T00:00:00Z`));
const withoutMinus = (formatted: string) => formatted.replace(/^[-−]/, '');

function BudgetItem({ budget, id }: { budget: OverviewBudget; id: string }) {
  const badge = LEVEL_TEXT[budget.level];
  const left =
    budget.left.minor >= 0
      ? `${budget.left.formatted} left`
      : `over by ${withoutMinus(budget.left.formatted)}`;
  const figures = `${budget.spent.formatted} of ${budget.limit.formatted} spent (${budget.percent}%), ${left}`;
  return (
    <li className="bb-overview__item" data-testid="overview-budget">
      <div className="bb-overview__row">
        <span id={id} className="bb-overview__name">
          {budget.name}
        </span>
        {badge ? <span className={`bb-badge bb-badge--${budget.level}`}>{badge}</span> : null}
      </div>
      <ProgressBar
        percent={budget.percent}
        labelledBy={id}
        valueText={`${budget.percent}% spent${badge ? `, ${badge.toLowerCase()}` : ''}`}
        level={budget.level}
      />
      <p className="bb-overview__figures">{figures}</p>
    </li>
  );
}

function GoalItem({ goal, id }: { goal: OverviewGoal; id: string }) {
  const badge = goal.reached ? 'Reached' : goal.overdue ? 'Past its date' : null;
  return (
    <li className="bb-overview__item" data-testid="overview-goal">
      <div className="bb-overview__row">
        <span id={id} className="bb-overview__name">
          {goal.name}
        </span>
        {badge ? (
          <span className={`bb-badge ${goal.reached ? 'bb-badge--reached' : 'bb-badge--over'}`}>{badge}</span>
        ) : null}
      </div>
      <ProgressBar
        percent={goal.percent}
        labelledBy={id}
        valueText={`${goal.percent}% saved${badge ? `, ${badge.toLowerCase()}` : ''}`}
        level={goal.reached ? 'reached' : 'goal'}
      />
      <p className="bb-overview__figures">
        {goal.saved.formatted} of {goal.target.formatted} saved ({goal.percent}%)
        {goal.reached ? '' : `, ${goal.left.formatted} to go`}
      </p>
      {goal.perMonth && goal.targetDate && !goal.overdue ? (
        <p className="bb-overview__figures">
          About {goal.perMonth.formatted} a month to reach it by {formatDay(goal.targetDate)}
        </p>
      ) : null}
    </li>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section className="bb-overview__section" aria-labelledby={id}>
      <h3 id={id} className="bb-overview__heading">
        {title}
      </h3>
      {children}
    </section>
  );
}

function Figures({ overview, idPrefix }: { overview: Overview; idPrefix: string }) {
  return (
    <>
      {overview.alerts.length > 0 ? (
        <Section id={`${idPrefix}-alerts`} title="Alerts">
          <ul className="bb-overview__list">
            {overview.alerts.map((a) => (
              <li key={a.id} className="bb-overview__item" data-testid="overview-alert">
                {a.read ? null : <span className="bb-badge bb-badge--new">New</span>} {a.text}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {overview.balances.length > 0 ? (
        <Section id={`${idPrefix}-balances`} title="Balances">
          <ul className="bb-overview__list">
            {overview.balances.map((b) => (
              <li key={b.name} className="bb-overview__item">
                <span className="bb-overview__name">{b.name}</span> {b.balance.formatted}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      <Section id={`${idPrefix}-budgets`} title="Budgets">
        {overview.budgets.length === 0 ? (
          <p className="bb-overview__empty">No budgets yet. Try “set my grocery budget to 400”.</p>
        ) : (
          <ul className="bb-overview__list">
            {overview.budgets.map((b, i) => (
              <BudgetItem
                key={`${b.category ?? '*'}-${b.period}`}
                budget={b}
                id={`${idPrefix}-budget-${i}`}
              />
            ))}
          </ul>
        )}
      </Section>
      <Section id={`${idPrefix}-goals`} title="Savings goals">
        {overview.goals.length === 0 ? (
          <p className="bb-overview__empty">No goals yet. Try “save 2000 for a trip to japan by june”.</p>
        ) : (
          <ul className="bb-overview__list">
            {overview.goals.map((g, i) => (
              <GoalItem key={g.key} goal={g} id={`${idPrefix}-goal-${i}`} />
            ))}
          </ul>
        )}
      </Section>
      {overview.topTags.length > 0 ? (
        <Section id={`${idPrefix}-tags`} title="Top tags this month">
          <ul className="bb-overview__list">
            {overview.topTags.map((t) => (
              <li key={t.tag} className="bb-overview__item" data-testid="overview-tag">
                <span className="bb-overview__name">#{t.tag}</span> {t.spent.formatted}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {overview.upcomingBills.length > 0 ? (
        <Section id={`${idPrefix}-bills`} title="Bills due in the next 7 days">
          <ul className="bb-overview__list">
            {overview.upcomingBills.map((b) => (
              <li key={`${b.name}-${b.date}`} className="bb-overview__item">
                <span className="bb-overview__name">{b.name}</span> {b.amount.formatted} on{' '}
                {formatDay(b.date)}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {overview.expectedIncome.length > 0 ? (
        <Section id={`${idPrefix}-income`} title="Income expected">
          <ul className="bb-overview__list">
            {overview.expectedIncome.map((b) => (
              <li key={`${b.name}-${b.date}`} className="bb-overview__item" data-testid="overview-income">
                <span className="bb-overview__name">{b.name}</span> +{b.amount.formatted} on{' '}
                {formatDay(b.date)}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </>
  );
}

/** What the overview shows, in the panel beside the chat or in the drawer. */
export function OverviewContent({ state, onRetry, idPrefix }: OverviewContentProps) {
  return (
    <div className="bb-overview__content" aria-busy={state.status === 'loading'}>
      {state.overview ? <Figures overview={state.overview} idPrefix={idPrefix} /> : null}
      {state.status === 'loading' && !state.overview ? (
        <p className="bb-overview__empty" role="status">
          Loading your overview…
        </p>
      ) : null}
      {state.status === 'failed' ? (
        <div className="bb-overview__error" role="status">
          <p>{state.message}</p>
          <button type="button" className="bb-button" onClick={onRetry}>
            Try again
          </button>
        </div>
      ) : null}
    </div>
  );
}
