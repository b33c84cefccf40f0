import { useEffect, useState } from 'react';
import { Button, Checkbox, Group, Modal, ScrollArea, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { call, messageOf } from '../../api/client';
import { queryKeys, useChannelMutation, usePeople, useSettings } from '../../api/hooks';
import { useWords } from '../../app/words';

/** The guides that make sense for a whole office, offered first. */
const FOR_EVERYONE = [
  'small-business-baseline',
  'email-provider-breach',
  'secure-main-email',
  'password-manager',
];

/**
 * Starts a guide for several people at once: one run per person (on their main email account when
 * they have one), followed on a board that shows each person's progress and who is stuck.
 */
export function ChecklistDialog({
  opened,
  onClose,
  guideId,
}: {
  opened: boolean;
  onClose: () => void;
  guideId?: string;
}) {
  const navigate = useNavigate();
  const { t } = useWords();
  const people = usePeople();
  const settings = useSettings();
  const guides = useQuery({
    queryKey: [...queryKeys.findings, 'guides'],
    queryFn: () => call('guides:list', {}),
    enabled: opened,
  });
  const start = useChannelMutation('checklists:start', ['guides']);
  const [guide, setGuide] = useState<string | null>(guideId ?? 'small-business-baseline');
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [helper, setHelper] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (opened) {
      setGuide(guideId ?? 'small-business-baseline');
      setError(null);
      setHelper(settings.data?.helperName ?? '');
    }
  }, [opened, guideId, settings.data?.helperName]);
  const everyone = people.data ?? [];
  const groups = [...new Set(everyone.map((p) => p.group).filter(Boolean))].sort();
  const options = [...(guides.data ?? [])].sort(
    (a, b) =>
      (FOR_EVERYONE.indexOf(a.id) + 1 || 99) - (FOR_EVERYONE.indexOf(b.id) + 1 || 99) ||
      a.title.localeCompare(b.title),
  );
  const toggle = (id: number, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('checklistDialog.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Select
          label={t('checklistDialog.guide')}
          data={options.map((g) => ({ value: g.id, label: g.title }))}
          value={guide}
          onChange={setGuide}
          allowDeselect={false}
          searchable
        />
        <div>
          <Group justify="space-between" mb={4}>
            <Text size="sm" fw={500} id="checklist-people">
              {t('checklistDialog.forWhom', { count: chosen.size })}
            </Text>
            <Group gap={6}>
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={() => setChosen(new Set(everyone.map((p) => p.id)))}
              >
                {t('checklistDialog.everyone')}
              </Button>
              {groups.map((g) => (
                <Button
                  key={g}
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => setChosen(new Set(everyone.filter((p) => p.group === g).map((p) => p.id)))}
                >
                  {g}
                </Button>
              ))}
              <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setChosen(new Set())}>
                {t('checklistDialog.noOne')}
              </Button>
            </Group>
          </Group>
          <ScrollArea.Autosize mah={260} type="auto">
            <Stack gap={6} role="group" aria-labelledby="checklist-people">
              {everyone.map((p) => (
                <Checkbox
                  key={p.id}
                  label={
                    p.group ? t('checklistDialog.personInGroup', { name: p.name, group: p.group }) : p.name
                  }
                  checked={chosen.has(p.id)}
                  onChange={(event) => toggle(p.id, event.currentTarget.checked)}
                />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        </div>
        <TextInput
          label={t('checklistDialog.helper')}
          description={t('checklistDialog.helperHint')}
          value={helper}
          onChange={(e) => setHelper(e.currentTarget.value)}
        />
        {error && (
          <Text c="var(--ls-text-danger)" size="sm" role="alert">
            {error}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={!guide || chosen.size === 0}
            loading={start.isPending}
            onClick={async () => {
              try {
                const checklist = await start.mutateAsync({
                  guideId: guide!,
                  personIds: [...chosen],
                  ...(helper.trim() ? { helperName: helper.trim() } : {}),
                });
                onClose();
                setChosen(new Set());
                void navigate(`/guides/checklist/${checklist.id}`);
              } catch (failure) {
                setError(messageOf(failure));
              }
            }}
          >
            {t('checklistDialog.start', { count: chosen.size })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
