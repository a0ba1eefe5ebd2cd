import { Box } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, Cell, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { GoalIndicator, TargetDirection } from '../../api/strategy';

const BAR_COLOR = { 'on-track': '#0ca678', 'off-track': '#e03131', unknown: '#adb5bd' } as const;

/** A goal's computed value as a bar from 0 to 100%, with its target as a line; the same said in words for screen readers. */
export function GoalChart({ indicator, target, direction }: { indicator: GoalIndicator | null; target: number; direction: TargetDirection }) {
  const { t } = useTranslation();
  const value = indicator?.value ?? null;
  const status = indicator?.status ?? 'unknown';
  const label = t('strategy.chart.goalLabel', { value: value === null ? t('strategy.status.unknown') : `${Math.round(value * 10) / 10}%`, target: t(`strategy.direction.${direction}`, { target }) });
  return (
    <Box role="img" aria-label={label} w="100%" maw={360}>
      <ResponsiveContainer width="100%" height={56}>
        <BarChart layout="vertical" data={[{ name: 'value', value: value ?? 0 }]} margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
          <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tickFormatter={(tick: number) => `${tick}%`} fontSize={11} />
          <YAxis type="category" dataKey="name" hide />
          <Bar dataKey="value" barSize={14} isAnimationActive={false}>
            <Cell fill={BAR_COLOR[status]} />
          </Bar>
          <ReferenceLine x={target} stroke="#1c7ed6" strokeWidth={2} strokeDasharray="4 2" />
        </BarChart>
      </ResponsiveContainer>
    </Box>
  );
}
