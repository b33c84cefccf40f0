/**
 * The entities Lockstep keeps, as every layer sees them: the repositories return them, the domain
 * reasons about them and the IPC contract carries them. They are plain data (JSON-safe).
 */
export type * from './inventory';
export type * from './findings';
export type * from './tasks';
export type * from './dashboard';
export type * from './guides';
export type * from './settings';
export type * from './team';
export type * from './mailScan';
export type * from './dataSafety';
