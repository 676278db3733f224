// The `accounts:*` requests: list, sign in (with `login:progress` events while the login page is
// open), cancel sign-ins, remove, rename, recolour, reorder, and choose the active account.
import { randomUUID } from 'node:crypto';
import type { AppCore } from '../../composition/app-core.js';
import { AppError } from '../../errors/app-error.js';
import type { EmitEvent } from '../core-events.js';
import { ipcErrorOf } from '../ipc-error.js';
import type { DomainHandlers } from '../ipc-router.js';
import { accountsView, accountView } from '../views.js';

export function accountHandlers(core: AppCore, emit: EmitEvent): DomainHandlers<'accounts'> {
  return {
    'accounts:list': async () => accountsView(core.registry.snapshot()),
    'accounts:add': async () => {
      const loginId = randomUUID();
      emit('login:progress', { state: 'waiting', loginId });
      try {
        const account = await core.addAccount();
        emit('login:progress', { state: 'signed_in', loginId, accountId: account.id });
        return accountView(account);
      } catch (error) {
        if (error instanceof AppError && error.code === 'login_cancelled') {
          emit('login:progress', { state: 'cancelled', loginId });
        } else {
          const { code, message } = ipcErrorOf(error, 'Sign-in failed.');
          emit('login:progress', { state: 'failed', loginId, code, message });
        }
        throw error;
      }
    },
    'accounts:cancelLogins': async () => {
      core.cancelLogins();
      return null;
    },
    'accounts:remove': async (id) => {
      await core.removeAccount(id);
      return null;
    },
    'accounts:rename': async (id, nickname) =>
      accountView(await core.registry.rename(id, nickname)),
    'accounts:recolour': async (id, colour) =>
      accountView(await core.registry.recolour(id, colour)),
    'accounts:reorder': async (ids) => {
      await core.registry.reorder(ids);
      return accountsView(core.registry.snapshot());
    },
    'accounts:setActive': async (id) => {
      core.registry.require(id); // unknown id → account_not_found, not a silent no-op
      await core.registry.setActive(id);
      return accountsView(core.registry.snapshot());
    },
  };
}
