// The `app:*` requests, about this run of the app: its version, whether it is the demo, the
// redirect URI to register, the keychain's state and the start-up notices; and the restart as the
// demo.
import { redirectUri } from '../../auth/redirect-uri.js';
import type { AppCore } from '../../composition/app-core.js';
import { AppError } from '../../errors/app-error.js';
import type { DomainHandlers } from '../ipc-router.js';
import { keychainView } from '../views.js';

export interface AppHandlersOptions {
  readonly version: string;
  readonly demo: boolean;
  /** Start-up notices worth showing (files set aside, accounts rebuilt). */
  readonly notices?: readonly string[];
  /**
   * Restarts the app as the demo (the Electron shell relaunches with `--demo` and quits). Absent
   * where there is nothing to switch to: in the demo itself and in the browser harness.
   */
  readonly startDemo?: () => Promise<void>;
}

/** No demo can be started here (in the demo itself, in the harness), or it failed to start. */
export type DemoErrorCode = 'demo_unavailable';

export function appHandlers(core: AppCore, options: AppHandlersOptions): DomainHandlers<'app'> {
  return {
    'app:info': async () => ({
      version: options.version,
      demo: options.demo,
      redirectUriToRegister: redirectUri(core.settings.get().redirectPort),
      keychain: keychainView(core.vault.status),
      notices: options.notices ?? [],
    }),
    'app:startDemo': async () => {
      if (!options.startDemo) {
        throw new AppError<DemoErrorCode>(
          'demo_unavailable',
          options.demo
            ? 'This is already the demo.'
            : 'The demo can only be started from the desktop app.',
        );
      }
      await options.startDemo();
      return null;
    },
  };
}
