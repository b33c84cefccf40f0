import type { ChangeArea } from '../../common/ipc/contract';

/** Tells every open view that data in these areas changed. */
export type ChangeNotifier = (areas: ChangeArea[]) => void;
