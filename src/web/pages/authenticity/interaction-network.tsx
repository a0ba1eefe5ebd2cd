import { useMemo } from 'react';
import { Card, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import Graph from 'graphology';
import { circular } from 'graphology-layout';
import type { AuthenticityEvidence } from '../../api/authenticity';

const SIZE = 420;
const RADIUS = 150;

/**
 * The interaction network drawn from a graphology graph: organizations on a circle (the lead at
 * the top), one arrow per directed tie, its width growing with the number of interactions.
 * Drawn as SVG so that it is readable by screen readers and prints well.
 */
export function InteractionNetwork({ evidence }: { evidence: AuthenticityEvidence }) {
  const { t } = useTranslation();
  const layout = useMemo(() => {
    const graph = new Graph({ type: 'directed', multi: false });
    const ordered = [...evidence.organizations].sort((a, b) => Number(b.role === 'lead') - Number(a.role === 'lead') || a.name.localeCompare(b.name));
    for (const organization of ordered) graph.addNode(organization.ref, { name: organization.name, local: organization.local, role: organization.role });
    for (const tie of evidence.interactions) {
      if (graph.hasNode(tie.from) && graph.hasNode(tie.to) && tie.from !== tie.to) graph.mergeEdge(tie.from, tie.to, { count: tie.count });
    }
    const positions = circular(graph, { scale: RADIUS, center: 0 });
    return { graph, positions };
  }, [evidence]);

  if (evidence.interactions.length === 0) {
    return (
      <Card withBorder padding="lg" component="section">
        <Title order={2} size="h3" mb="sm">
          {t('authenticity.network.title')}
        </Title>
        <Text c="dimmed">{t('authenticity.network.empty')}</Text>
      </Card>
    );
  }

  const { graph, positions } = layout;
  const maxCount = Math.max(1, ...graph.mapEdges((_edge, attributes) => attributes.count as number));
  const center = SIZE / 2;
  const point = (node: string) => {
    const position = positions[node];
    return { x: center + (position?.x ?? 0), y: center + (position?.y ?? 0) };
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="network-heading">
      <Title order={2} size="h3" id="network-heading" mb={4}>
        {t('authenticity.network.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('authenticity.network.description')}
      </Text>
      <svg viewBox={`0 0 ${SIZE} ${SIZE}`} width="100%" style={{ maxWidth: SIZE, display: 'block', margin: '0 auto' }} role="group" aria-label={t('authenticity.network.title')}>
        <defs>
          <marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill="var(--mantine-color-gray-6)" />
          </marker>
        </defs>
        {graph.mapEdges((edge, attributes, source, target) => {
          const from = point(source);
          const to = point(target);
          // Stop the arrow at the node's edge, and bend it slightly so both directions stay visible.
          const dx = to.x - from.x;
          const dy = to.y - from.y;
          const length = Math.hypot(dx, dy) || 1;
          const end = { x: to.x - (dx / length) * 16, y: to.y - (dy / length) * 16 };
          const control = { x: (from.x + end.x) / 2 - (dy / length) * 14, y: (from.y + end.y) / 2 + (dx / length) * 14 };
          const label = t('authenticity.network.tie', { from: graph.getNodeAttribute(source, 'name'), to: graph.getNodeAttribute(target, 'name'), count: attributes.count });
          return (
            <path key={edge} d={`M ${from.x} ${from.y} Q ${control.x} ${control.y} ${end.x} ${end.y}`} fill="none" stroke="var(--mantine-color-gray-6)" strokeOpacity={0.7} strokeWidth={1 + (4 * (attributes.count as number)) / maxCount} markerEnd="url(#arrow)">
              <title>{label}</title>
            </path>
          );
        })}
        {graph.mapNodes((node, attributes) => {
          const { x, y } = point(node);
          const anchor = x < center - 10 ? 'end' : x > center + 10 ? 'start' : 'middle';
          const labelX = x + (anchor === 'end' ? -16 : anchor === 'start' ? 16 : 0);
          const labelY = y + (anchor === 'middle' ? (y < center ? -18 : 26) : 4);
          return (
            <g key={node}>
              <circle cx={x} cy={y} r={attributes.role === 'lead' ? 13 : 10} fill={attributes.local ? 'var(--mantine-color-teal-6)' : 'var(--mantine-color-indigo-5)'} stroke="white" strokeWidth={2}>
                <title>{attributes.name as string}</title>
              </circle>
              <text x={labelX} y={labelY} textAnchor={anchor} fontSize={11} fill="currentColor">
                {(attributes.name as string).length > 26 ? `${(attributes.name as string).slice(0, 24)}…` : (attributes.name as string)}
              </text>
            </g>
          );
        })}
      </svg>
      <Group gap="lg" mt="xs" justify="center">
        <Group gap={6}>
          <svg width="12" height="12" aria-hidden="true">
            <circle cx="6" cy="6" r="6" fill="var(--mantine-color-teal-6)" />
          </svg>
          <Text size="xs">{t('authenticity.network.local')}</Text>
        </Group>
        <Group gap={6}>
          <svg width="12" height="12" aria-hidden="true">
            <circle cx="6" cy="6" r="6" fill="var(--mantine-color-indigo-5)" />
          </svg>
          <Text size="xs">{t('authenticity.network.international')}</Text>
        </Group>
      </Group>
    </Card>
  );
}
