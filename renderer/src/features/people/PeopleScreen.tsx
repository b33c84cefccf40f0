import { useState } from 'react';
import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconMail, IconPencil, IconPlus, IconTrash, IconUserPlus, IconUsersPlus } from '@tabler/icons-react';
import type { Person } from '../../../../common/ipc/contract';
import { emailAddressSchema, personNameSchema } from '../../../../common/domain/validation';
import { ApiError, messageOf } from '../../api/client';
import { useChannelMutation, useEmailBreaches, usePeople } from '../../api/hooks';
import { notifyDeleted, notifyError } from '../../app/notify';
import { RecentlyDeleted } from '../../app/RecentlyDeleted';
import { ToneBadge } from '../../components/Badges';
import { StaffImportDialog } from '../team/StaffImportDialog';
import { useWords } from '../../app/words';

/** Everyone in this file, with their email addresses. */
export function PeopleScreen() {
  const people = usePeople();
  const [naming, setNaming] = useState<Person | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Person | null>(null);
  const [isImporting, setImporting] = useState(false);
  const { t } = useWords();

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('nav.people')}</Title>
          <Text c="dimmed" size="sm">
            {t('people.intro')}
          </Text>
        </div>
        <Group gap="sm">
          <Button
            variant="default"
            leftSection={<IconUsersPlus size={16} aria-hidden />}
            onClick={() => setImporting(true)}
          >
            {t('people.importStaff')}
          </Button>
          <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setNaming('new')}>
            {t('people.add')}
          </Button>
        </Group>
      </Group>
      <RecentlyDeleted />
      {people.isPending && <Loader aria-label={t('people.loading')} />}
      {people.isError && (
        <Alert color="red" title={t('people.loadFailed')} role="alert">
          {messageOf(people.error)}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
        {people.data?.map((person) => (
          <PersonCard
            key={person.id}
            person={person}
            canDelete={(people.data?.length ?? 0) > 1}
            onRename={() => setNaming(person)}
            onDelete={() => setDeleting(person)}
          />
        ))}
      </SimpleGrid>
      <PersonNameModal target={naming} onClose={() => setNaming(null)} />
      <DeletePersonModal person={deleting} onClose={() => setDeleting(null)} />
      <StaffImportDialog opened={isImporting} onClose={() => setImporting(false)} />
    </Stack>
  );
}

function PersonCard({
  person,
  canDelete,
  onRename,
  onDelete,
}: {
  person: Person;
  canDelete: boolean;
  onRename: () => void;
  onDelete: () => void;
}) {
  const { t, list } = useWords();
  const removeEmail = useChannelMutation('emails:delete', ['people']);
  const marks = useEmailBreaches();
  const breachesByEmail = new Map<number, string[]>();
  for (const mark of marks.data ?? []) {
    breachesByEmail.set(mark.emailId, [...(breachesByEmail.get(mark.emailId) ?? []), mark.breachName]);
  }
  return (
    <Card withBorder padding="lg" component="section" aria-label={person.name}>
      <Group justify="space-between" wrap="nowrap" mb="xs">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <Title order={3} size="h4" style={{ overflowWrap: 'anywhere' }}>
            {person.name}
          </Title>
          {person.isDefault && <ToneBadge tone="teal">{t('people.you')}</ToneBadge>}
        </Group>
        <Group gap={4} wrap="nowrap">
          <Tooltip label={t('people.rename')} openDelay={400}>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={t('people.renameNamed', { name: person.name })}
              onClick={onRename}
            >
              <IconPencil size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={canDelete ? t('people.delete') : t('people.keepOne')} openDelay={400}>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('people.deleteNamed', { name: person.name })}
              disabled={!canDelete}
              onClick={onDelete}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      {(person.role || person.group) && (
        <Text size="sm" mb={2}>
          {person.role && person.group
            ? t('people.roleAndGroup', { role: person.role, group: person.group })
            : person.role || person.group}
        </Text>
      )}
      <Text size="sm" c="dimmed" mb="md">
        {person.accountCount === 0
          ? t('people.noAccounts')
          : t('count.accounts', { count: person.accountCount })}
      </Text>
      <Text size="sm" fw={600} mb={6}>
        {t('people.emails')}
      </Text>
      <Stack gap={6} mb="sm">
        {person.emails.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('people.noEmails', { who: person.isDefault ? 'you' : 'other' })}
          </Text>
        )}
        {person.emails.map((email) => (
          <Group key={email.id} gap="xs" wrap="nowrap" justify="space-between">
            <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
              <IconMail size={16} aria-hidden color="var(--ls-icon-muted)" />
              <div style={{ minWidth: 0 }}>
                <Text size="sm" truncate title={email.address}>
                  {email.address}
                </Text>
                {(breachesByEmail.get(email.id) ?? []).length > 0 && (
                  <Text size="xs" c="var(--ls-text-danger)">
                    {t('people.inBreaches', { breaches: list(breachesByEmail.get(email.id) ?? []) })}
                  </Text>
                )}
              </div>
            </Group>
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              aria-label={t('people.removeEmail', { address: email.address })}
              onClick={async () => {
                try {
                  const receipt = await removeEmail.mutateAsync({ id: email.id });
                  notifyDeleted(t('people.emailRemoved', { address: email.address }), receipt.token);
                } catch (error) {
                  notifyError(error, t('people.removeEmailFailed'));
                }
              }}
            >
              <IconTrash size={14} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
      </Stack>
      <AddEmailForm person={person} />
    </Card>
  );
}

function AddEmailForm({ person }: { person: Person }) {
  const { t } = useWords();
  const add = useChannelMutation('emails:add', ['people']);
  const [address, setAddress] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      noValidate
      aria-label={t('people.addEmailForm', { name: person.name })}
      onSubmit={async (event) => {
        event.preventDefault();
        const parsed = emailAddressSchema.safeParse(address);
        if (!parsed.success) {
          setError(parsed.error.issues[0]?.message ?? t('people.checkAddress'));
          return;
        }
        try {
          await add.mutateAsync({ personId: person.id, address: parsed.data });
          setAddress('');
          setError(null);
        } catch (failure) {
          if (failure instanceof ApiError && failure.fieldErrors.address)
            setError(failure.fieldErrors.address);
          else notifyError(failure, t('people.addEmailFailed'));
        }
      }}
    >
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <TextInput
          aria-label={t('people.newEmail', { name: person.name })}
          placeholder={t('people.emailPlaceholder')}
          value={address}
          onChange={(event) => {
            setAddress(event.currentTarget.value);
            if (error) setError(null);
          }}
          error={error}
          style={{ flex: 1 }}
          size="sm"
        />
        <Button
          type="submit"
          variant="default"
          size="sm"
          leftSection={<IconPlus size={14} aria-hidden />}
          loading={add.isPending}
        >
          {t('people.addEmail')}
        </Button>
      </Group>
    </form>
  );
}

function PersonNameModal({ target, onClose }: { target: Person | 'new' | null; onClose: () => void }) {
  const isNew = target === 'new';
  const { t } = useWords();
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={target !== null}
      onClose={onClose}
      title={isNew ? t('people.addTitle') : t('people.renameNamed', { name: target?.name ?? '' })}
      centered
    >
      {target !== null && <PersonNameForm key={isNew ? 'new' : target.id} target={target} onDone={onClose} />}
    </Modal>
  );
}

function PersonNameForm({ target, onDone }: { target: Person | 'new'; onDone: () => void }) {
  const { t } = useWords();
  const create = useChannelMutation('people:create', ['people']);
  const rename = useChannelMutation('people:rename', ['people', 'accounts']);
  const update = useChannelMutation('people:update', ['people']);
  const [name, setName] = useState(target === 'new' ? '' : target.name);
  const [group, setGroup] = useState(target === 'new' ? '' : target.group);
  const [role, setRole] = useState(target === 'new' ? '' : target.role);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const parsed = personNameSchema.safeParse(name);
        if (!parsed.success) {
          setError(parsed.error.issues[0]?.message ?? t('people.checkName'));
          return;
        }
        try {
          if (target === 'new') await create.mutateAsync({ name: parsed.data, group, role });
          else {
            if (parsed.data !== target.name) await rename.mutateAsync({ id: target.id, name: parsed.data });
            if (group.trim() !== target.group || role.trim() !== target.role)
              await update.mutateAsync({ id: target.id, group, role });
          }
          onDone();
        } catch (failure) {
          if (failure instanceof ApiError && failure.fieldErrors.name) setError(failure.fieldErrors.name);
          else notifyError(failure);
        }
      }}
    >
      <Stack>
        <TextInput
          label={t('people.name')}
          data-autofocus
          value={name}
          onChange={(event) => {
            setName(event.currentTarget.value);
            if (error) setError(null);
          }}
          error={error}
        />
        <TextInput
          label={t('people.group')}
          description={t('people.groupHint')}
          value={group}
          onChange={(event) => setGroup(event.currentTarget.value)}
          maxLength={80}
        />
        <TextInput
          label={t('people.role')}
          value={role}
          onChange={(event) => setRole(event.currentTarget.value)}
          maxLength={80}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || rename.isPending || update.isPending}>
            {target === 'new' ? t('people.add') : t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DeletePersonModal({ person, onClose }: { person: Person | null; onClose: () => void }) {
  const { t } = useWords();
  const remove = useChannelMutation('people:delete', ['people', 'accounts']);
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={person !== null}
      onClose={onClose}
      title={t('people.deleteTitle', { name: person?.name ?? '' })}
      centered
    >
      {person && (
        <Stack>
          <Text size="sm">
            {person.accountCount > 0
              ? t('people.deleteWithAccounts', { name: person.name, count: person.accountCount })
              : t('people.deleteNoAccounts', { name: person.name })}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('people.keep')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={async () => {
                try {
                  const receipt = await remove.mutateAsync({ id: person.id });
                  onClose();
                  notifyDeleted(t('people.deleted', { name: person.name }), receipt.token);
                } catch (error) {
                  onClose();
                  notifyError(error, t('people.deleteFailed'));
                }
              }}
            >
              {t('people.delete')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
