import { Anchor, Group, List, Text } from '@mantine/core';
import type { GuideRunStep } from '../../../../common/ipc/contract';
import { useWords } from '../../app/words';

/** A step's words: why it matters, what to do, where to do it, and where the advice comes from. */
export function StepDetails({ step, large = false }: { step: GuideRunStep; large?: boolean }) {
  const { t } = useWords();
  const size = large ? 'xl' : 'sm';
  return (
    <>
      <Text size={size} mb="sm" c={large ? undefined : 'dimmed'}>
        <Text span fw={700}>
          {t('step.whyItMatters')}{' '}
        </Text>
        {step.why}
      </Text>
      <List type="ordered" size={size} spacing={large ? 'sm' : 4} mb="sm" aria-label={t('step.whatToDo')}>
        {step.instructions.map((line) => (
          <List.Item key={line}>{line}</List.Item>
        ))}
      </List>
      {step.links.length > 0 && (
        <Group gap="lg" mb="sm">
          {step.links.map((link) => (
            <Anchor
              key={link.url}
              href={link.url}
              size={size}
              c={large ? undefined : 'var(--ls-text-accent)'}
              underline="always"
            >
              {link.label}
            </Anchor>
          ))}
        </Group>
      )}
      <Text size={large ? 'md' : 'xs'} c={large ? undefined : 'dimmed'}>
        {t('step.source')}{' '}
        {step.sources.map((source, i) => (
          <span key={source.url}>
            {i > 0 ? '; ' : ''}
            <Anchor
              href={source.url}
              size={large ? 'md' : 'xs'}
              c={large ? undefined : 'var(--ls-text-accent)'}
              underline="always"
            >
              {source.label}
            </Anchor>
          </span>
        ))}
      </Text>
    </>
  );
}
