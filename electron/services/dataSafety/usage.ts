import { usageRow, type PlainMessageId } from '../../../common/messages/plain';

const row = (syntax: string, id: PlainMessageId) => usageRow(syntax, id, 31);

/** The help for these commands (the CLI's usage includes it), in the catalogue in use. */
export function dataSafetyUsage(): string {
  return [
    row('  backup create [--out FILE]', 'usage.backupCreate'),
    row('  backup list', 'usage.backupList'),
    row('  backup restore FILE', 'usage.backupRestore'),
    row('  export --out DIR', 'usage.export'),
    row('  erase --yes [--backups]', 'usage.erase'),
  ].join('\n');
}
