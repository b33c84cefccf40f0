/** The help for these commands (the CLI's usage includes it). */
export const DATA_SAFETY_USAGE = `  backup create [--out FILE]   Back up the data now (into the backup folder, or to FILE)
  backup list                  List the backups, newest first, each checked
  backup restore FILE          Restore a backup (the current data is backed up first); exit 2 if
                               FILE is not a good Lockstep backup, with nothing changed
  export --out DIR             Export everything: lockstep-export.json (+ its JSON Schema) and
                               people, accounts, findings, tasks and history as CSV
  erase --yes [--backups]      Erase the data, keys, datasets and offline index (--backups: the
                               backups too)`;
