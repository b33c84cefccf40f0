import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { LockstepApi, Person } from '../../../../common/ipc/contract';
import { Providers } from '../../app/Providers';
import { AccountForm, validateAccountForm } from './AccountForm';

const me: Person = {
  id: 1,
  name: 'Me',
  isDefault: true,
  group: '',
  role: '',
  accountCount: 0,
  emails: [],
  createdAt: '',
};

function renderForm(api: Partial<LockstepApi>) {
  Object.defineProperty(window, 'lockstep', {
    value: { onDidChange: () => () => {}, ...api },
    configurable: true,
  });
  const onClose = vi.fn();
  render(
    <Providers>
      <AccountForm opened onClose={onClose} people={[me]} defaultPersonId={1} />
    </Providers>,
  );
  return { onClose };
}

describe('AccountForm', () => {
  it('shows each problem next to its field and sends nothing', async () => {
    const create = vi.fn();
    renderForm({ 'accounts:create': create });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Sign-in address'), 'ftp://files.example.com');
    await user.click(screen.getByRole('button', { name: 'Add account' }));
    expect(await screen.findByText("Enter the service's name.")).toBeInTheDocument();
    expect(
      screen.getByText('Only web (http or https) and Android app addresses can be used.'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText(/^Service/)).toHaveAttribute('aria-invalid', 'true');
    expect(create).not.toHaveBeenCalled();
  });

  it("shows the main process's field errors when it refuses the input", async () => {
    const create = vi.fn().mockResolvedValue({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'Some values need fixing.',
        fieldErrors: { username: 'Refused by main.' },
      },
    });
    const { onClose } = renderForm({ 'accounts:create': create });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/^Service/), 'LinkedIn');
    await user.click(screen.getByRole('button', { name: 'Add account' }));
    expect(await screen.findByText('Refused by main.')).toBeInTheDocument();
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ service: 'LinkedIn', personId: 1 }));
    expect(onClose).not.toHaveBeenCalled();
  });

  it('closes after a successful save', async () => {
    const create = vi.fn().mockResolvedValue({ ok: true, value: { id: 1 } });
    const { onClose } = renderForm({ 'accounts:create': create });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/^Service/), 'Dropbox');
    await user.click(screen.getByRole('button', { name: 'Add account' }));
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
  });
});

describe('validateAccountForm', () => {
  it('reports schema and date problems together', () => {
    const errors = validateAccountForm(
      {
        personId: '1',
        service: '',
        url: '',
        username: '',
        category: 'other',
        criticality: 'standard',
        mfa: 'unknown',
        passwordChangedAt: '2030-01-01',
        recoveryReviewedAt: '',
        notes: '',
      },
      '2026-11-28',
    );
    expect(errors).toEqual({
      service: "Enter the service's name.",
      passwordChangedAt: 'This date is in the future.',
    });
  });
});
