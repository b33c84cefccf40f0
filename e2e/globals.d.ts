import type { LockstepApi } from '../common/ipc/contract';

declare global {
  interface Window {
    /** The bridge the preload (electron target) or the fixture (browser target) exposes. */
    lockstep: LockstepApi;
  }
}
