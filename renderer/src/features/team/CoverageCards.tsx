import { useState, type ReactNode } from 'react';
import { Anchor, Card, List, Modal, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useNavigate } from 'react-router-dom';
import { MFA_LABELS } from '../../../../common/domain/inventory';
import type { MessageId } from '../../../../common/messages/en';
import { useWords } from '../../app/words';
import type { CoverageAccount, TeamView, UnknownMainEmail } from '../../../../common/ipc/contract';
import classes from './Team.module.css';
import { scopedPath } from './useScope';

type Figure = 'mainEmail' | 'critical' | 'reuse' | 'overdue';

const UNKNOWN_REASONS: Record<UnknownMainEmail, MessageId> = {
  not_recorded: 'team.unknownReason.not_recorded',
  no_email_account: 'team.unknownReason.no_email_account',
  several_email_accounts: 'team.unknownReason.several_email_accounts',
};

/**
 * The four coverage figures, each a ratio with the list behind it: clicking a number shows who.
 * Unknown two-step counts as unknown, never as on.
 */
export function CoverageCards({ view }: { view: TeamView }) {
  const [open, setOpen] = useState<Figure | null>(null);
  const { t } = useWords();
  const c = view.coverage;
  const cards: { figure: Figure; title: string; value: string; detail: string }[] = [
    {
      figure: 'mainEmail',
      title: t('team.figure.mainEmail'),
      value: t('team.figure.mainEmailValue', { count: c.mainEmailMfa.yes, people: c.people }),
      detail: t('team.figure.offUnknown', { off: c.mainEmailMfa.no, unknown: c.mainEmailMfa.unknown }),
    },
    {
      figure: 'critical',
      title: t('team.figure.critical'),
      value: t('team.figure.of', { count: c.criticalWithMfa.yes, total: c.criticalWithMfa.of }),
      detail: t('team.figure.offUnknown', {
        off: c.criticalWithMfa.of - c.criticalWithMfa.yes - c.criticalWithMfa.unknown,
        unknown: c.criticalWithMfa.unknown,
      }),
    },
    {
      figure: 'reuse',
      title: t('team.figure.reuse'),
      value: t('team.figure.of', { count: c.peopleWithReuse.count, total: c.peopleWithReuse.of }),
      detail: t('team.figure.reuseDetail'),
    },
    {
      figure: 'overdue',
      title: t('team.figure.overdue'),
      value: t('team.figure.overdueValue', { count: c.overdueTasks.count, people: c.overdueTasks.people }),
      detail: t('team.figure.overdueDetail'),
    },
  ];
  const current = cards.find((card) => card.figure === open);
  return (
    <>
      <SimpleGrid
        cols={{ base: 1, xs: 2, lg: 4 }}
        spacing="md"
        component="section"
        aria-label={t('team.coverage')}
      >
        {cards.map((card) => (
          <Card key={card.figure} withBorder padding="md">
            <Text size="sm" c="dimmed" id={`figure-${card.figure}`}>
              {card.title}
            </Text>
            <UnstyledButton
              className={classes.figure}
              onClick={() => setOpen(card.figure)}
              aria-label={t('team.figure.showWho', { title: card.title, value: card.value })}
            >
              {card.value}
            </UnstyledButton>
            <Text size="xs" c="dimmed">
              {card.detail}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <Modal
        opened={current !== undefined}
        onClose={() => setOpen(null)}
        title={current ? t('team.figure.title', { title: current.title, value: current.value }) : ''}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {open && <FigureList figure={open} view={view} onGo={() => setOpen(null)} />}
      </Modal>
    </>
  );
}

function Section({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  const { t } = useWords();
  return (
    <section aria-label={title}>
      <Title order={3} size="h5" mb={4}>
        {t('team.section', { title, count })}
      </Title>
      {count === 0 ? (
        <Text size="sm" c="dimmed">
          {t('team.noOne')}
        </Text>
      ) : (
        <List size="sm" spacing={2}>
          {children}
        </List>
      )}
    </section>
  );
}

function FigureList({ figure, view, onGo }: { figure: Figure; view: TeamView; onGo: () => void }) {
  const navigate = useNavigate();
  const { t } = useWords();
  const c = view.coverage;
  const go = (path: string) => {
    onGo();
    void navigate(path);
  };
  const person = (id: number, name: string, extra = '') => (
    <List.Item key={id}>
      <Anchor
        component="button"
        size="sm"
        c="var(--ls-text-accent)"
        onClick={() => go(scopedPath('/accounts', { personId: id }))}
      >
        {name}
      </Anchor>
      {extra}
    </List.Item>
  );
  const account = (a: CoverageAccount) => (
    <List.Item key={a.accountId}>
      {a.username
        ? t('team.accountWithUser', {
            person: a.personName,
            service: a.service,
            username: a.username,
            mfa: MFA_LABELS[a.mfa],
          })
        : t('team.account', { person: a.personName, service: a.service, mfa: MFA_LABELS[a.mfa] })}
    </List.Item>
  );
  if (figure === 'mainEmail') {
    return (
      <Stack gap="md">
        <Section title={t('team.list.off')} count={c.mainEmailMfa.no}>
          {c.mainEmailMfa.lists.no.map((p) => person(p.id, p.name))}
        </Section>
        <Section title={t('team.list.unknown')} count={c.mainEmailMfa.unknown}>
          {c.mainEmailMfa.lists.unknown.map((p) =>
            person(p.id, p.name, t('team.personReason', { reason: t(UNKNOWN_REASONS[p.reason]) })),
          )}
        </Section>
        <Section title={t('team.list.on')} count={c.mainEmailMfa.yes}>
          {c.mainEmailMfa.lists.yes.map((p) => person(p.id, p.name))}
        </Section>
      </Stack>
    );
  }
  if (figure === 'critical') {
    return (
      <Stack gap="md">
        <Section title={t('team.list.without')} count={c.criticalWithMfa.lists.no.length}>
          {c.criticalWithMfa.lists.no.map(account)}
        </Section>
        <Section title={t('team.list.unknown')} count={c.criticalWithMfa.unknown}>
          {c.criticalWithMfa.lists.unknown.map(account)}
        </Section>
        <Section title={t('team.list.with')} count={c.criticalWithMfa.yes}>
          {c.criticalWithMfa.lists.yes.map(account)}
        </Section>
      </Stack>
    );
  }
  if (figure === 'reuse') {
    return (
      <Section title={t('team.figure.reuse')} count={c.peopleWithReuse.count}>
        {c.peopleWithReuse.people.map((p) => (
          <List.Item key={p.id}>
            <Anchor
              component="button"
              size="sm"
              c="var(--ls-text-accent)"
              onClick={() => go(scopedPath('/exposure', { personId: p.id }))}
            >
              {p.name}
            </Anchor>
            {t('team.list.reused', { count: p.accounts })}
          </List.Item>
        ))}
      </Section>
    );
  }
  return (
    <Section title={t('team.list.overdue')} count={c.overdueTasks.people}>
      {c.overdueTasks.byPerson.map((entry) =>
        entry.person ? (
          <List.Item key={entry.person.id}>
            <Anchor
              component="button"
              size="sm"
              c="var(--ls-text-accent)"
              onClick={() => go(scopedPath('/tasks', { personId: entry.person!.id }))}
            >
              {entry.person.name}
            </Anchor>
            {t('team.list.tasks', { count: entry.count })}
          </List.Item>
        ) : (
          <List.Item key="no-one">{t('team.list.noOneTasks', { count: entry.count })}</List.Item>
        ),
      )}
    </Section>
  );
}
