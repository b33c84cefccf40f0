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

/** Everyone in this file, with their email addresses. */
export function PeopleScreen() {
  const people = usePeople();
  const [naming, setNaming] = useState<Person | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Person | null>(null);
  const [isImporting, setImporting] = useState(false);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>People</Title>
          <Text c="dimmed" size="sm">
            A family, or a small office: everyone whose accounts you look after, and their email addresses.
          </Text>
        </div>
        <Group gap="sm">
          <Button
            variant="default"
            leftSection={<IconUsersPlus size={16} aria-hidden />}
            onClick={() => setImporting(true)}
          >
            Import staff…
          </Button>
          <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setNaming('new')}>
            Add person
          </Button>
        </Group>
      </Group>
      <RecentlyDeleted />
      {people.isPending && <Loader aria-label="Loading people" />}
      {people.isError && (
        <Alert color="red" title="People could not be loaded" role="alert">
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
          {person.isDefault && <ToneBadge tone="teal">You</ToneBadge>}
        </Group>
        <Group gap={4} wrap="nowrap">
          <Tooltip label="Rename" openDelay={400}>
            <ActionIcon variant="subtle" color="gray" aria-label={`Rename ${person.name}`} onClick={onRename}>
              <IconPencil size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={canDelete ? 'Delete' : 'Keep at least one person'} openDelay={400}>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Delete ${person.name}`}
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
          {[person.role, person.group].filter(Boolean).join(' · ')}
        </Text>
      )}
      <Text size="sm" c="dimmed" mb="md">
        {person.accountCount === 0
          ? 'No accounts yet'
          : `${person.accountCount.toLocaleString()} ${person.accountCount === 1 ? 'account' : 'accounts'}`}
      </Text>
      <Text size="sm" fw={600} mb={6}>
        Email addresses
      </Text>
      <Stack gap={6} mb="sm">
        {person.emails.length === 0 && (
          <Text size="sm" c="dimmed">
            None yet. Add the addresses {person.isDefault ? 'you use' : 'they use'} to sign in: each is
            checked for breaches.
          </Text>
        )}
        {person.emails.map((email) => (
          <Group key={email.id} gap="xs" wrap="nowrap" justify="space-between">
            <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
              <IconMail size={16} aria-hidden color="var(--ls-icon-muted)" />
              <div style={{ minWidth: 0 }}>
                <Text size="sm" truncate>
                  {email.address}
                </Text>
                {(breachesByEmail.get(email.id) ?? []).length > 0 && (
                  <Text size="xs" c="var(--ls-text-danger)">
                    In breaches: {(breachesByEmail.get(email.id) ?? []).join(', ')}
                  </Text>
                )}
              </div>
            </Group>
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              aria-label={`Remove ${email.address}`}
              onClick={async () => {
                try {
                  const receipt = await removeEmail.mutateAsync({ id: email.id });
                  notifyDeleted(`Removed ${email.address}.`, receipt.token);
                } catch (error) {
                  notifyError(error, 'Could not remove the address');
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
  const add = useChannelMutation('emails:add', ['people']);
  const [address, setAddress] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      noValidate
      aria-label={`Add an email address for ${person.name}`}
      onSubmit={async (event) => {
        event.preventDefault();
        const parsed = emailAddressSchema.safeParse(address);
        if (!parsed.success) {
          setError(parsed.error.issues[0]?.message ?? 'Check this address.');
          return;
        }
        try {
          await add.mutateAsync({ personId: person.id, address: parsed.data });
          setAddress('');
          setError(null);
        } catch (failure) {
          if (failure instanceof ApiError && failure.fieldErrors.address)
            setError(failure.fieldErrors.address);
          else notifyError(failure, 'Could not add the address');
        }
      }}
    >
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <TextInput
          aria-label={`New email address for ${person.name}`}
          placeholder="name@example.com"
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
          Add
        </Button>
      </Group>
    </form>
  );
}

function PersonNameModal({ target, onClose }: { target: Person | 'new' | null; onClose: () => void }) {
  const isNew = target === 'new';
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={target !== null}
      onClose={onClose}
      title={isNew ? 'Add a person' : `Rename ${target?.name ?? ''}`}
      centered
    >
      {target !== null && <PersonNameForm key={isNew ? 'new' : target.id} target={target} onDone={onClose} />}
    </Modal>
  );
}

function PersonNameForm({ target, onDone }: { target: Person | 'new'; onDone: () => void }) {
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
          setError(parsed.error.issues[0]?.message ?? 'Check the name.');
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
          label="Name"
          data-autofocus
          value={name}
          onChange={(event) => {
            setName(event.currentTarget.value);
            if (error) setError(null);
          }}
          error={error}
        />
        <TextInput
          label="Group or department (optional)"
          description="The team view and every list can be filtered by it."
          value={group}
          onChange={(event) => setGroup(event.currentTarget.value)}
          maxLength={80}
        />
        <TextInput
          label="Role (optional)"
          value={role}
          onChange={(event) => setRole(event.currentTarget.value)}
          maxLength={80}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || rename.isPending || update.isPending}>
            {target === 'new' ? 'Add person' : 'Save'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DeletePersonModal({ person, onClose }: { person: Person | null; onClose: () => void }) {
  const remove = useChannelMutation('people:delete', ['people', 'accounts']);
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={person !== null}
      onClose={onClose}
      title={`Delete ${person?.name ?? ''}?`}
      centered
    >
      {person && (
        <Stack>
          <Text size="sm">
            {person.accountCount > 0
              ? `This also deletes ${person.name}'s ${person.accountCount.toLocaleString()} ${person.accountCount === 1 ? 'account' : 'accounts'} and email addresses. You can undo it right after.`
              : `This also removes ${person.name}'s email addresses. You can undo it right after.`}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Keep
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={async () => {
                try {
                  const receipt = await remove.mutateAsync({ id: person.id });
                  onClose();
                  notifyDeleted(`Deleted ${person.name}.`, receipt.token);
                } catch (error) {
                  onClose();
                  notifyError(error, 'Could not delete');
                }
              }}
            >
              Delete
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
