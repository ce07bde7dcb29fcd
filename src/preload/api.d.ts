import type { GazetteApi } from '../core/ipc/contract';

declare global {
  interface Window {
    /** Gazette's typed API, exposed by the preload (or by the end-to-end test bridge). */
    gazette: GazetteApi;
  }
}

export {};
