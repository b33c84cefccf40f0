import { useState, type ReactNode } from 'react';
import { Anchor, Card, List, Modal, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useNavigate } from 'react-router-dom';
import { MFA_LABELS } from '../../../../common/domain/inventory';
import type { CoverageAccount, TeamView, UnknownMainEmail } from '../../../../common/ipc/contract';
import classes from './Team.module.css';
import { scopedPath } from './useScope';

type Figure = 'mainEmail' | 'critical' | 'reuse' | 'overdue';

const UNKNOWN_REASONS: Record<UnknownMainEmail, string> = {
  not_recorded: 'two-step sign-in not recorded',
  no_email_account: 'no email account recorded',
  several_email_accounts: 'several email accounts, none at their first address',
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The four coverage figures, each a ratio with the list behind it: clicking a number shows who.
 * Unknown two-step counts as unknown, never as on.
 */
export function CoverageCards({ view }: { view: TeamView }) {
  const [open, setOpen] = useState<Figure | null>(null);
  const c = view.coverage;
  const cards: { figure: Figure; title: string; value: string; detail: string }[] = [
    {
      figure: 'mainEmail',
      title: 'Two-step on the main email account',
      value: `${c.mainEmailMfa.yes} of ${plural(c.people, 'person', 'people')}`,
      detail: `${c.mainEmailMfa.no} off · ${c.mainEmailMfa.unknown} unknown`,
    },
    {
      figure: 'critical',
      title: 'Critical accounts with two-step',
      value: `${c.criticalWithMfa.yes} of ${c.criticalWithMfa.of}`,
      detail: `${c.criticalWithMfa.of - c.criticalWithMfa.yes - c.criticalWithMfa.unknown} off · ${c.criticalWithMfa.unknown} unknown`,
    },
    {
      figure: 'reuse',
      title: 'People with a reused password',
      value: `${c.peopleWithReuse.count} of ${c.peopleWithReuse.of}`,
      detail: 'the same password on two or more accounts',
    },
    {
      figure: 'overdue',
      title: 'Overdue tasks',
      value: `${c.overdueTasks.count} (${plural(c.overdueTasks.people, 'person', 'people')})`,
      detail: 'to do or in progress, past their due date',
    },
  ];
  const current = cards.find((card) => card.figure === open);
  return (
    <>
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="md" component="section" aria-label="Coverage">
        {cards.map((card) => (
          <Card key={card.figure} withBorder padding="md">
            <Text size="sm" c="dimmed" id={`figure-${card.figure}`}>
              {card.title}
            </Text>
            <UnstyledButton
              className={classes.figure}
              onClick={() => setOpen(card.figure)}
              aria-label={`${card.title}: ${card.value}. Show who`}
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
        title={current ? `${current.title}: ${current.value}` : ''}
        size="lg"
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        {open && <FigureList figure={open} view={view} onGo={() => setOpen(null)} />}
      </Modal>
    </>
  );
}

function Section({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  return (
    <section aria-label={title}>
      <Title order={3} size="h5" mb={4}>
        {title} ({count})
      </Title>
      {count === 0 ? (
        <Text size="sm" c="dimmed">
          No one.
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
      {a.personName} — {a.service}
      {a.username ? ` (${a.username})` : ''}: {MFA_LABELS[a.mfa]}
    </List.Item>
  );
  if (figure === 'mainEmail') {
    return (
      <Stack gap="md">
        <Section title="Off" count={c.mainEmailMfa.no}>
          {c.mainEmailMfa.lists.no.map((p) => person(p.id, p.name))}
        </Section>
        <Section title="Unknown (counted as not on)" count={c.mainEmailMfa.unknown}>
          {c.mainEmailMfa.lists.unknown.map((p) => person(p.id, p.name, `: ${UNKNOWN_REASONS[p.reason]}`))}
        </Section>
        <Section title="On" count={c.mainEmailMfa.yes}>
          {c.mainEmailMfa.lists.yes.map((p) => person(p.id, p.name))}
        </Section>
      </Stack>
    );
  }
  if (figure === 'critical') {
    return (
      <Stack gap="md">
        <Section title="Without two-step" count={c.criticalWithMfa.lists.no.length}>
          {c.criticalWithMfa.lists.no.map(account)}
        </Section>
        <Section title="Unknown (counted as not on)" count={c.criticalWithMfa.unknown}>
          {c.criticalWithMfa.lists.unknown.map(account)}
        </Section>
        <Section title="With two-step" count={c.criticalWithMfa.yes}>
          {c.criticalWithMfa.lists.yes.map(account)}
        </Section>
      </Stack>
    );
  }
  if (figure === 'reuse') {
    return (
      <Section title="People with a reused password" count={c.peopleWithReuse.count}>
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
            : {plural(p.accounts, 'account shares', 'accounts share')} a password
          </List.Item>
        ))}
      </Section>
    );
  }
  return (
    <Section title="Overdue, by person" count={c.overdueTasks.people}>
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
            : {plural(entry.count, 'task', 'tasks')}
          </List.Item>
        ) : (
          <List.Item key="no-one">Not tied to anyone: {plural(entry.count, 'task', 'tasks')}</List.Item>
        ),
      )}
    </Section>
  );
}
