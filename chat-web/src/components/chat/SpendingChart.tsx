import { Bar, BarChart, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { SpendingChart as SpendingChartData } from '@budgetbuddy/fulfillment/chat-api';

export interface SpendingChartProps {
  chart: SpendingChartData;
}

const ROW_HEIGHT = 26;
/** Room right of the longest bar for its amount label ("$1,450.00"). */
const LABEL_ROOM = 76;

/**
 * Spending by category as horizontal bars, each labelled with its amount: category names stay
 * readable at phone width, where upright bars squeeze them into each other. Loaded lazily (recharts
 * is most of the app's JS); the bubble's text twin carries the same numbers for screen readers.
 */
export default function SpendingChart({ chart }: SpendingChartProps) {
  const longestLabel = Math.max(...chart.data.map((d) => d.label.length), 4);
  return (
    <figure className="bb-chart" aria-hidden="true" data-testid="spending-chart">
      <figcaption className="bb-chart__title">
        <span>{chart.title}</span>
        <span className="bb-chart__total">{chart.total.formatted}</span>
      </figcaption>
      <ResponsiveContainer width="100%" height={chart.data.length * ROW_HEIGHT + 8}>
        <BarChart
          data={chart.data}
          layout="vertical"
          margin={{ top: 4, right: LABEL_ROOM, bottom: 4, left: 0 }}
          barCategoryGap={5}
        >
          <XAxis type="number" dataKey="value" hide domain={[0, 'dataMax']} />
          <YAxis
            type="category"
            dataKey="label"
            width={Math.min(longestLabel * 7 + 20, 120)}
            tickLine={false}
            axisLine={false}
            interval={0}
            tick={{ fontSize: 12, fill: '#3a4358' }}
          />
          <Bar dataKey="value" fill="#2f6fde" radius={[0, 4, 4, 0]} isAnimationActive={false}>
            <LabelList dataKey="formatted" position="right" fontSize={12} fill="#1d2433" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
