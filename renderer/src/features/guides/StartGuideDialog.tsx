import { format, useWords } from '../../app/words';
import { useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Group, Loader, Modal, Radio, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { call, messageOf } from '../../api/client';
import { useAccounts } from '../../api/hooks';
import { notifyError } from '../../app/notify';

/** What a guide is started for: a finding, a task or a breach notice. */
export type GuideOrigin = { origin: 'finding' | 'task' | 'notice'; originId: number };

const suggestRequest = ({ origin, originId }: GuideOrigin) =>
  origin === 'finding'
    ? { findingId: originId }
    : origin === 'task'
      ? { taskId: originId }
      : { noticeId: originId };

/**
 * "Guide me": the guides that fit a finding, task or notice, best first, and the account to run it
 * for; starting (or resuming) it opens the runner.
 */
export function StartGuideDialog({ target, onClose }: { target: GuideOrigin | null; onClose: () => void }) {
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={format('startGuide.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': format('common.close') }}
    >
      {target && (
        <StartGuideBody key={`${target.origin}:${target.originId}`} target={target} onClose={onClose} />
      )}
    </Modal>
  );
}

function StartGuideBody({ target, onClose }: { target: GuideOrigin; onClose: () => void }) {
  const { t } = useWords();
  const navigate = useNavigate();
  const accounts = useAccounts();
  const suggestion = useQuery({
    queryKey: ['guides', 'suggest', target.origin, target.originId],
    queryFn: () => call('guideRuns:suggest', suggestRequest(target)),
  });
  const [guideId, setGuideId] = useState<string | null>(null);
  const [accountId, setAccountId] = useState<string | null>(null);
  // A notice's guide runs for several accounts at once: every account it concerns, by default.
  const [picked, setPicked] = useState<string[] | null>(null);
  const [isStarting, setStarting] = useState(false);
  useEffect(() => {
    if (!suggestion.data) return;
    setGuideId((current) => current ?? suggestion.data.guides[0]?.id ?? null);
    setAccountId(
      (current) =>
        current ??
        (suggestion.data.accountIds[0] !== undefined ? String(suggestion.data.accountIds[0]) : null),
    );
    setPicked((current) => current ?? suggestion.data.accountIds.map(String));
  }, [suggestion.data]);

  if (suggestion.isPending) return <Loader aria-label={t('startGuide.loading')} />;
  if (suggestion.isError) {
    return (
      <Alert color="red" role="alert">
        {messageOf(suggestion.error)}
      </Alert>
    );
  }
  const { guides, accountIds, allowsSeveral } = suggestion.data;
  const byId = new Map((accounts.data ?? []).map((a) => [a.id, a]));
  const isSeveral = allowsSeveral && accountIds.length > 1;
  const chosen = picked ?? accountIds.map(String);
  const labelOf = (id: number) => {
    const account = byId.get(id);
    return account
      ? t('startGuide.accountLabel', {
          service: account.service,
          hasUsername: account.username ? 'yes' : 'no',
          username: account.username,
        })
      : t('task.accountNumber', { id });
  };
  const start = async () => {
    if (!guideId) return;
    setStarting(true);
    try {
      const run = await call('guideRuns:start', {
        guideId,
        origin: target.origin,
        originId: target.originId,
        ...(isSeveral
          ? chosen.length > 0
            ? { accountIds: accountIds.filter((id) => chosen.includes(String(id))) }
            : {}
          : accountId
            ? { accountId: Number(accountId) }
            : {}),
      });
      onClose();
      void navigate(`/guides/run/${run.id}`);
    } catch (error) {
      notifyError(error, t('guides.startDialog.failed'));
    } finally {
      setStarting(false);
    }
  };
  if (guides.length === 0) {
    return (
      <Stack>
        <Text>{t('startGuide.none')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <Radio.Group label={t('startGuide.guide')} value={guideId} onChange={setGuideId}>
        <Stack gap="xs" mt={6}>
          {guides.map((guide, index) => (
            <Radio
              key={guide.id}
              value={guide.id}
              label={index === 0 ? t('guides.bestFit', { title: guide.title }) : guide.title}
              description={t('guides.sizeSummary', {
                steps: guide.stepCount,
                minutes: guide.estimatedMinutes,
                summary: guide.summary,
              })}
            />
          ))}
        </Stack>
      </Radio.Group>
      {isSeveral && (
        <Checkbox.Group
          label={t('startGuide.accounts')}
          description={t('startGuide.accountsHint')}
          value={chosen}
          onChange={setPicked}
        >
          <Stack gap={6} mt={6}>
            {accountIds.map((id) => (
              <Checkbox key={id} value={String(id)} label={labelOf(id)} />
            ))}
          </Stack>
        </Checkbox.Group>
      )}
      {!isSeveral && accountIds.length > 1 && (
        <Select
          label={t('startGuide.account')}
          description={t('startGuide.accountHint')}
          value={accountId}
          onChange={setAccountId}
          data={accountIds.map((id) => ({ value: String(id), label: labelOf(id) }))}
          allowDeselect={false}
        />
      )}
      {accountIds.length === 1 && byId.get(accountIds[0]!) && (
        <Text size="sm" c="dimmed">
          {t('startGuide.forOne', { service: byId.get(accountIds[0]!)!.service })}
        </Text>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button onClick={() => void start()} loading={isStarting} disabled={!guideId}>
          {t('guides.startDialog.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
