import { useState } from 'react';
import {
  Alert,
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Account, Person } from '../../../../common/ipc/contract';
import {
  CATEGORIES,
  CATEGORY_LABELS,
  CRITICALITIES,
  CRITICALITY_LABELS,
  MFA_LABELS,
  MFA_METHODS,
  suggestCategory,
  suggestCriticality,
  type Category,
  type Criticality,
  type MfaMethod,
} from '../../../../common/domain/inventory';
import { isServiceUrlError, parseServiceUrl } from '../../../../common/domain/serviceUrl';
import {
  accountInputSchema,
  checkAccountDates,
  fieldErrorsOf,
  localDateString,
} from '../../../../common/domain/validation';
import { ApiError } from '../../api/client';
import { useChannelMutation } from '../../api/hooks';
import { notifyError } from '../../app/notify';
import { useWords } from '../../app/words';
import { optionsOf } from '../../components/selectOptions';

interface FormValues {
  personId: string;
  service: string;
  url: string;
  username: string;
  category: Category;
  criticality: Criticality;
  mfa: MfaMethod;
  passwordChangedAt: string;
  recoveryReviewedAt: string;
  notes: string;
}

const toRequest = (values: FormValues) => ({ ...values, personId: Number(values.personId) });

/** Field errors for the form: the same schema main uses, plus the date rules. */
export function validateAccountForm(
  values: FormValues,
  today = localDateString(new Date()),
): Record<string, string> {
  const parsed = accountInputSchema.safeParse(toRequest(values));
  const dates = {
    passwordChangedAt: values.passwordChangedAt.trim() || null,
    recoveryReviewedAt: values.recoveryReviewedAt.trim() || null,
  };
  // Report every problem at once: schema errors first, date rules where the schema had none.
  return { ...checkAccountDates(dates, today), ...(parsed.success ? {} : fieldErrorsOf(parsed.error)) };
}

/** Add or edit an account. `account` undefined means "add". */
export function AccountForm({
  opened,
  onClose,
  account,
  people,
  defaultPersonId,
  onDelete,
}: {
  opened: boolean;
  onClose: () => void;
  account?: Account;
  people: Person[];
  defaultPersonId: number | null;
  onDelete?: (account: Account) => void;
}) {
  const { t } = useWords();
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={onClose}
      title={account ? t('accountForm.editTitle', { service: account.service }) : t('accountForm.addTitle')}
      size="lg"
      centered
    >
      {opened && (
        <AccountFormBody
          key={account?.id ?? 'new'}
          account={account}
          people={people}
          defaultPersonId={defaultPersonId}
          onDone={onClose}
          onDelete={onDelete}
        />
      )}
    </Modal>
  );
}

function AccountFormBody({
  account,
  people,
  defaultPersonId,
  onDone,
  onDelete,
}: {
  account?: Account;
  people: Person[];
  defaultPersonId: number | null;
  onDone: () => void;
  onDelete?: (account: Account) => void;
}) {
  const { t } = useWords();
  const create = useChannelMutation('accounts:create', ['accounts', 'people']);
  const update = useChannelMutation('accounts:update', ['accounts', 'people']);
  const [touched, setTouched] = useState({ category: Boolean(account), criticality: Boolean(account) });
  const form = useForm<FormValues>({
    mode: 'controlled',
    initialValues: {
      personId: String(account?.personId ?? defaultPersonId ?? people[0]?.id ?? ''),
      service: account?.service ?? '',
      url: account?.url ?? '',
      username: account?.username ?? '',
      category: account?.category ?? 'other',
      criticality: account?.criticality ?? 'standard',
      mfa: account?.mfa ?? 'unknown',
      passwordChangedAt: account?.passwordChangedAt ?? '',
      recoveryReviewedAt: account?.recoveryReviewedAt ?? '',
      notes: account?.notes ?? '',
    },
    validate: (values) => validateAccountForm(values),
    validateInputOnBlur: true,
  });

  const parsedUrl = form.values.url.trim() ? parseServiceUrl(form.values.url) : null;
  const domainHint =
    parsedUrl && !isServiceUrlError(parsedUrl)
      ? parsedUrl.kind === 'android'
        ? t('accountForm.androidHint', { domain: parsedUrl.domain })
        : parsedUrl.isInsecure
          ? t('accountForm.insecureHint', { domain: parsedUrl.domain })
          : parsedUrl.domain
      : t('accountForm.urlHint');

  const setCategory = (category: Category, byUser: boolean) => {
    form.setFieldValue('category', category);
    if (!touched.criticality) form.setFieldValue('criticality', suggestCriticality(category));
    if (byUser) setTouched((was) => ({ ...was, category: true }));
  };

  const submit = form.onSubmit(async (values) => {
    const request = toRequest(values);
    try {
      if (account) await update.mutateAsync({ ...request, id: account.id });
      else await create.mutateAsync(request);
      onDone();
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0) {
        form.setErrors(error.fieldErrors);
      } else {
        notifyError(error, account ? t('accountForm.saveFailed') : t('accountForm.addFailed'));
      }
    }
  });
  const isSaving = create.isPending || update.isPending;
  const suggestedCritical = suggestCriticality(form.values.category) === 'critical';

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={account ? t('accountForm.editForm') : t('accountForm.addForm')}
    >
      <Stack gap="md">
        <SimpleGrid cols={2} spacing="md">
          <TextInput
            label={t('accountForm.service')}
            placeholder={t('accountForm.servicePlaceholder', { example: 'LinkedIn' })}
            required
            data-autofocus
            {...form.getInputProps('service')}
          />
          <Select
            label={t('accountForm.owner')}
            data={people.map((p) => ({ value: String(p.id), label: p.name }))}
            allowDeselect={false}
            {...form.getInputProps('personId')}
          />
        </SimpleGrid>
        <TextInput
          label={t('accountForm.url')}
          placeholder={t('accountForm.urlPlaceholder')}
          description={form.errors.url ? undefined : domainHint}
          {...form.getInputProps('url')}
          onBlur={(event) => {
            form.getInputProps('url').onBlur?.(event);
            const parsed = form.values.url.trim() ? parseServiceUrl(form.values.url) : null;
            const guess = parsed && !isServiceUrlError(parsed) ? suggestCategory(parsed.domain) : undefined;
            if (guess && !touched.category) setCategory(guess, false);
          }}
        />
        <TextInput label={t('accountForm.username')} autoComplete="off" {...form.getInputProps('username')} />
        <SimpleGrid cols={3} spacing="md">
          <Select
            label={t('accountForm.category')}
            data={optionsOf(CATEGORIES, CATEGORY_LABELS)}
            allowDeselect={false}
            {...form.getInputProps('category')}
            onChange={(value) => value && setCategory(value as Category, true)}
          />
          <Select
            label={t('accountForm.criticality')}
            data={optionsOf(CRITICALITIES, CRITICALITY_LABELS)}
            allowDeselect={false}
            description={suggestedCritical ? t('accountForm.suggestedCritical') : undefined}
            {...form.getInputProps('criticality')}
            onChange={(value) => {
              if (!value) return;
              form.setFieldValue('criticality', value as Criticality);
              setTouched((was) => ({ ...was, criticality: true }));
            }}
          />
          <Select
            label={t('accountForm.mfa')}
            data={optionsOf(MFA_METHODS, MFA_LABELS)}
            allowDeselect={false}
            {...form.getInputProps('mfa')}
          />
        </SimpleGrid>
        <SimpleGrid cols={2} spacing="md">
          <TextInput
            type="date"
            label={t('accountForm.passwordChanged')}
            {...form.getInputProps('passwordChangedAt')}
          />
          <TextInput
            type="date"
            label={t('accountForm.recoveryReviewed')}
            {...form.getInputProps('recoveryReviewedAt')}
          />
        </SimpleGrid>
        <Textarea
          label={t('accountForm.notes')}
          description={t('accountForm.notesHint')}
          autosize
          minRows={2}
          maxRows={6}
          {...form.getInputProps('notes')}
        />
        {Object.keys(form.errors).length > 0 && (
          <Alert color="red" variant="light" role="status" py="xs">
            <Text size="sm">{t('accountForm.needsFixing')}</Text>
          </Alert>
        )}
        <Group justify="space-between" mt="xs">
          {account && onDelete ? (
            <Button variant="subtle" color="red" onClick={() => onDelete(account)}>
              {t('accountForm.delete')}
            </Button>
          ) : (
            <span />
          )}
          <Group gap="sm">
            {/* Pressing Cancel must not first blur a field: its check would show an error, move the
                button down, and the click would land beside it. */}
            <Button variant="default" onMouseDown={(event) => event.preventDefault()} onClick={onDone}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={isSaving}>
              {account ? t('accountForm.saveChanges') : t('accountForm.add')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
