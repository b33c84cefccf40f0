import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Card,
  Group,
  List,
  Loader,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { call, messageOf } from '../../api/client';
import { queryKeys } from '../../api/hooks';
import { ToneBadge } from '../../components/Badges';
import classes from '../../components/Screen.module.css';

/** The guide library: step-by-step help, the guides for your open findings first. */
export function GuidesScreen() {
  const guides = useQuery({
    queryKey: [...queryKeys.findings, 'guides'],
    queryFn: () => call('guides:list', {}),
  });
  const [selected, setSelected] = useState<string | null>(null);
  const current = selected ?? guides.data?.[0]?.id ?? null;
  return (
    <Stack gap="md" className={classes.scroll}>
      <div>
        <Title order={2}>Guides</Title>
        <Text c="dimmed" size="sm">
          Step-by-step help for securing an account or responding to a breach, each step with where the advice
          comes from.
        </Text>
      </div>
      {guides.isPending && <Loader aria-label="Loading guides" />}
      {guides.isError && (
        <Alert color="red" role="alert">
          {messageOf(guides.error)}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Stack gap={6} role="list" aria-label="Guide library">
          {guides.data?.map((guide) => (
            <UnstyledButton
              key={guide.id}
              role="listitem"
              aria-current={current === guide.id ? 'true' : undefined}
              onClick={() => setSelected(guide.id)}
              style={{
                padding: '8px 12px',
                borderRadius: 8,
                border: '1px solid var(--mantine-color-gray-3)',
                background: current === guide.id ? 'var(--mantine-color-teal-0)' : undefined,
              }}
            >
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <div>
                  <Text fw={600} size="sm">
                    {guide.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {guide.stepCount} steps · about {guide.estimatedMinutes} min
                    {guide.source === 'imported' ? ' · imported' : ''}
                  </Text>
                </div>
                {guide.isRelevant && <ToneBadge tone="orange">For your findings</ToneBadge>}
              </Group>
            </UnstyledButton>
          ))}
        </Stack>
        {current && <GuideReader key={current} id={current} />}
      </SimpleGrid>
    </Stack>
  );
}

function GuideReader({ id }: { id: string }) {
  const [variant, setVariant] = useState<string | undefined>(undefined);
  const guide = useQuery({
    queryKey: ['guide', id, variant],
    queryFn: () => call('guides:get', { id, ...(variant ? { variant } : {}) }),
  });
  if (guide.isPending) return <Loader aria-label="Loading the guide" />;
  if (guide.isError) {
    return (
      <Alert color="red" role="alert">
        {messageOf(guide.error)}
      </Alert>
    );
  }
  const g = guide.data;
  return (
    <Card withBorder padding="lg" component="section" aria-label={g.title}>
      <Title order={3} size="h4" mb={4}>
        {g.title}
      </Title>
      <Text size="sm" mb="sm">
        {g.summary}
      </Text>
      {g.variants.length > 0 && (
        <SegmentedControl
          mb="sm"
          aria-label="Provider"
          value={variant ?? g.variants[0]!.id}
          onChange={setVariant}
          data={g.variants.map((v) => ({ value: v.id, label: v.label }))}
        />
      )}
      <Stack gap="md" component="ol" style={{ paddingLeft: 0, listStyle: 'none' }}>
        {g.steps.map((step, index) => (
          <li key={step.id}>
            <Group gap="xs" mb={2}>
              <Badge variant="outline" color="gray" tt="none">
                Step {index + 1} of {g.steps.length}
              </Badge>
              <Text size="xs" c="dimmed">
                about {step.estimatedMinutes} min
              </Text>
            </Group>
            <Text fw={600}>{step.title}</Text>
            <Text size="sm" c="dimmed" mb={4}>
              {step.why}
            </Text>
            <List type="ordered" size="sm" mb={4}>
              {step.instructions.map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
            <Group gap="md">
              {step.links.map((link) => (
                <Anchor key={link.url} href={link.url} size="sm" c="teal.9" underline="always">
                  {link.label}
                </Anchor>
              ))}
            </Group>
            <Text size="xs" c="dimmed" mt={4}>
              Source:{' '}
              {step.sources.map((source, i) => (
                <span key={source.url}>
                  {i > 0 ? '; ' : ''}
                  <Anchor href={source.url} size="xs" c="teal.9" underline="always">
                    {source.label}
                  </Anchor>
                </span>
              ))}
            </Text>
          </li>
        ))}
      </Stack>
    </Card>
  );
}
