import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { SpendingChart as SpendingChartData } from '@budgetbuddy/fulfillment/src/proxy/contract';

export interface SpendingChartProps {
  chart: SpendingChartData;
}

/**
 * Spending by category as a bar chart. Loaded lazily (recharts is most of the app's JS); the
 * text twin beside it carries the same numbers for screen readers and while this loads.
 */
export default function SpendingChart({ chart }: SpendingChartProps) {
  const formattedByLabel = new Map(chart.data.map((d) => [d.label, d.formatted]));
  return (
    <figure className="bb-chart" aria-hidden="true">
      <figcaption className="bb-chart__title">
        {chart.title} — {chart.total.formatted}
      </figcaption>
      <div className="bb-chart__plot">
        <ResponsiveContainer width="100%" height={180}>
          <BarChart data={chart.data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={0} />
            <YAxis tick={{ fontSize: 11 }} width={40} />
            <Tooltip
              formatter={(_value, _name, item) => formattedByLabel.get(String(item.payload?.label)) ?? ''}
            />
            <Bar
              dataKey="value"
              name={chart.currency}
              fill="#2f6fde"
              radius={[4, 4, 0, 0]}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
