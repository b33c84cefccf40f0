import { describe, expect, it } from 'vitest';
import { ImportError } from '../import/importError';
import { parseStaffCsv, planStaff } from './staffCsv';

const bytes = (text: string) => new TextEncoder().encode(text);
const read = (text: string) => parseStaffCsv(bytes(text), 'staff.csv');

describe('parseStaffCsv', () => {
  it('reads name, addresses (several per cell or column), role and group', () => {
    const list = read(
      'Name,Email,Other email,Role,Department\n' +
        'Priya Shah,priya@tea.example; P.Shah@Tea.Example,priya.shah@gmail.com,Owner,Shop\n' +
        '"Tom Reed",tom@tea.example,,Bookkeeper,\n',
    );
    expect(list.skipped).toEqual([]);
    expect(list.rows).toEqual([
      {
        row: 1,
        name: 'Priya Shah',
        emails: ['priya@tea.example', 'P.Shah@tea.example', 'priya.shah@gmail.com'],
        role: 'Owner',
        group: 'Shop',
      },
      { row: 2, name: 'Tom Reed', emails: ['tom@tea.example'], role: 'Bookkeeper', group: '' },
    ]);
  });

  it('reads a Microsoft 365 and a Google Workspace user export', () => {
    const m365 = read(
      'User principal name,Display name,First name,Last name,Title,Department\n' +
        'ann@contoso.example,Ann Lee,Ann,Lee,Director,Board\n',
    );
    expect(m365.rows[0]).toMatchObject({
      name: 'Ann Lee',
      emails: ['ann@contoso.example'],
      role: 'Director',
      group: 'Board',
    });
    const google = read(
      'First Name [Required],Last Name [Required],Email Address [Required],Org Unit Path [Required]\n' +
        'Ben,Ode,ben@tea.example,/Sales\n',
    );
    expect(google.rows[0]).toMatchObject({ name: 'Ben Ode', emails: ['ben@tea.example'], group: '/Sales' });
  });

  it('reads semicolon-separated lists in UTF-16, as Excel saves them', () => {
    const text = '\uFEFFName;E-mail;Team\nZoë Müller;zoe@tea.example;Küche\n';
    const utf16 = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i += 1)
      new DataView(utf16.buffer).setUint16(i * 2, text.charCodeAt(i), true);
    expect(parseStaffCsv(utf16, 'staff.csv').rows[0]).toMatchObject({ name: 'Zoë Müller', group: 'Küche' });
  });

  it('skips, with the reason, rows without a name, with a bad address, or naming someone twice', () => {
    const list = read(
      'Name,Email\n' +
        ',nobody@tea.example\n' +
        'Sam,not-an-address\n' +
        'Ann,ann@tea.example\n' +
        'ANN ,ann2@tea.example\n' +
        ',\n' +
        `${'x'.repeat(101)},long@tea.example\n`,
    );
    expect(list.rows.map((r) => r.name)).toEqual(['Ann']);
    expect(list.skipped).toEqual([
      { row: 1, reason: 'No name' },
      { row: 2, reason: '"not-an-address" does not look like an email address' },
      { row: 4, reason: 'Same name as row 3' },
      { row: 6, reason: 'Keep the name under 100 characters.' },
    ]);
  });

  it('refuses a file with no column of names, naming the columns it saw', () => {
    try {
      read('Email,Phone\na@b.example,123\n');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ImportError);
      expect((error as ImportError).message).toContain('no column of names');
      expect((error as ImportError).message).toContain('"Email", "Phone"');
    }
  });

  it('keeps a formula-looking cell as text (it is only ever shown, never evaluated)', () => {
    expect(read('Name,Role\n=HYPERLINK("x"),@admin\n').rows[0]).toMatchObject({
      name: '=HYPERLINK("x")',
      role: '@admin',
    });
  });
});

describe('planStaff', () => {
  const existing = [{ id: 4, name: 'Priya Shah', group: 'Shop', role: '', emails: ['priya@tea.example'] }];

  it('updates someone already here (by name, any case) and creates the others', () => {
    const plan = planStaff(
      [
        {
          row: 1,
          name: 'priya shah',
          emails: ['PRIYA@tea.example', 'p2@tea.example'],
          role: 'Owner',
          group: '',
        },
        { row: 2, name: 'Tom', emails: ['tom@tea.example'], role: '', group: 'Office' },
      ],
      existing,
    );
    expect(plan[0]).toMatchObject({
      action: 'update',
      personId: 4,
      newEmails: ['p2@tea.example'],
      role: 'Owner',
      group: 'Shop',
      changes: ['adds an address', 'role: none → Owner'],
    });
    expect(plan[1]).toMatchObject({
      action: 'create',
      personId: null,
      newEmails: ['tom@tea.example'],
      changes: [],
    });
  });

  it('changes nothing for a row that says what is already known', () => {
    const [row] = planStaff(
      [{ row: 1, name: 'Priya Shah', emails: ['priya@tea.example'], role: '', group: 'Shop' }],
      existing,
    );
    expect(row).toMatchObject({ action: 'update', changes: [], newEmails: [] });
  });
});
