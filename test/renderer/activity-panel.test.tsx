// @vitest-environment jsdom
// The Activity panel: jobs listed at start and kept current by jobs:changed (progress, counts,
// pauses with their reasons and sign-in buttons), Pause, Resume and Cancel (after a confirmation),
// finished jobs with what they did, and Undo through the plan dialog. The sidebar's Activity
// button opens it and counts the jobs not finished.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { JobPauseReason, JobPauseView } from '../../electron/core/ipc/contract.js';
import { formatTime } from '../../renderer/src/format/formatters.js';
import { FakeBridge, makeAccount, makeTrack } from './fake-bridge.js';
import { makeJob } from './fake-jobs.js';
import { renderApp, withViewportHeight } from './render-app.js';

let restoreViewport: () => void = () => undefined;
beforeEach(() => {
  restoreViewport = withViewportHeight(560);
});
afterEach(() => restoreViewport());

function bridgeWith(jobs: Parameters<typeof makeJob>[0][]) {
  const bridge = new FakeBridge({
    accounts: [makeAccount({ id: 'a', label: 'Alice' }), makeAccount({ id: 'b', label: 'Bob' })],
    libraries: { a: [makeTrack(1)], b: [] },
    cachedAt: { a: Date.now(), b: Date.now() },
  });
  bridge.jobs.all = jobs.map(makeJob);
  return bridge;
}

const activityButton = () => screen.getByRole('button', { name: /^Activity/ });

async function openActivity(bridge: FakeBridge) {
  await renderApp(bridge);
  await waitFor(() => expect(bridge.callsTo('jobs:list')).toHaveLength(1));
  fireEvent.click(activityButton());
  return screen.getByRole('region', { name: 'Activity' });
}

const running = {
  id: 'j1',
  state: 'running' as const,
  counts: { toAdd: 120, added: 0 },
};

describe('the Activity panel', () => {
  it('opens from the sidebar, whose button counts the jobs not finished', async () => {
    const bridge = bridgeWith([running, { id: 'j0', state: 'finished', finishedAt: Date.now() }]);
    await renderApp(bridge);
    await waitFor(() => expect(activityButton().textContent).toBe('Activity1 job running'));
    expect(activityButton().getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(activityButton());
    expect(activityButton().getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('region', { name: 'Activity' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Hide activity' }));
    expect(screen.queryByRole('region', { name: 'Activity' })).toBeNull();
  });

  it('follows a job’s progress from jobs:changed', async () => {
    const bridge = bridgeWith([running]);
    const panel = await openActivity(bridge);
    expect(within(panel).getByText('Copying 0 of 120 to Bob')).toBeTruthy();
    act(() => void bridge.jobs.progress('j1', { counts: { added: 80 } }));
    const bar = within(panel).getByRole('progressbar', { name: 'Copying 80 of 120 to Bob' });
    expect(bar.getAttribute('value')).toBe('80');
    expect(bar.getAttribute('max')).toBe('120');
  });

  it('pauses and resumes a job', async () => {
    const bridge = bridgeWith([running]);
    const panel = await openActivity(bridge);
    fireEvent.click(within(panel).getByRole('button', { name: 'Pause' }));
    expect(await within(panel).findByText('Paused. Resume where it stopped.')).toBeTruthy();
    expect(bridge.callsTo('jobs:pause').map((call) => call.args)).toEqual([['j1']]);
    fireEvent.click(within(panel).getByRole('button', { name: 'Resume' }));
    await within(panel).findByRole('button', { name: 'Pause' });
    expect(bridge.callsTo('jobs:resume').map((call) => call.args)).toEqual([['j1']]);
  });

  it('cancels only after a confirmation that says what stays done', async () => {
    const bridge = bridgeWith([{ ...running, counts: { toAdd: 120, added: 80 } }]);
    const panel = await openActivity(bridge);
    fireEvent.click(within(panel).getByRole('button', { name: 'Cancel' }));
    let dialog = screen.getByRole('dialog', { name: 'Cancel the copy to Bob?' });
    expect(dialog.textContent).toContain('80 saved to Bob');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep going' }));
    expect(bridge.callsTo('jobs:cancel')).toHaveLength(0);

    fireEvent.click(within(panel).getByRole('button', { name: 'Cancel' }));
    dialog = screen.getByRole('dialog', { name: 'Cancel the copy to Bob?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel the copy' }));
    expect(await within(panel).findByText('Copy to Bob cancelled')).toBeTruthy();
    expect(bridge.callsTo('jobs:cancel').map((call) => call.args)).toEqual([['j1']]);
  });

  it('says why each paused job waits, and when it resumes', async () => {
    const until = Date.now() + 10 * 60_000;
    const pause = (reason: JobPauseReason, extra: Partial<JobPauseView> = {}) => ({
      state: 'paused' as const,
      pause: { reason, accountId: null, until: null, ...extra },
    });
    const bridge = bridgeWith([
      { id: 'j1', ...pause('interrupted'), createdAt: 5 },
      { id: 'j2', ...pause('quota_exceeded', { until }), createdAt: 4 },
      { id: 'j3', ...pause('rate_limited', { until }), createdAt: 3 },
      { id: 'j4', ...pause('offline'), createdAt: 2 },
      { id: 'j5', ...pause('missing_scope', { accountId: 'b' }), createdAt: 1 },
    ]);
    const panel = await openActivity(bridge);
    const texts = within(panel)
      .getAllByTestId('active-job')
      .map((job) => job.querySelector('.job-pause')?.textContent);
    expect(texts).toEqual([
      'Stopped when the app quit — resume where it stopped.',
      `Your Spotify app's request quota is used up for now; resumes by itself at ${formatTime(until)}.`,
      `Spotify asked the app to wait; resumes by itself at ${formatTime(until)}.`,
      'Spotify could not be reached. Check the internet connection, then resume.',
      'Bob’s sign-in does not allow changing its library. Sign in again to go on.Sign in to Bob again',
    ]);
  });

  it('offers the sign-in a paused job waits for, staying on the page shown', async () => {
    const bridge = bridgeWith([
      {
        id: 'j1',
        state: 'paused',
        pause: { reason: 'needs_sign_in', accountId: 'b', until: null },
      },
    ]);
    const panel = await openActivity(bridge);
    expect(panel.textContent).toContain('Bob must sign in again; the job resumes after that.');
    bridge.addAnswer = () => ({ ok: true, value: makeAccount({ id: 'b', label: 'Bob' }) });
    fireEvent.click(within(panel).getByRole('button', { name: 'Sign in to Bob again' }));
    await waitFor(() => expect(bridge.callsTo('accounts:add')).toHaveLength(1));
    expect(bridge.callsTo('accounts:setActive')).toHaveLength(0);
  });

  it('lists what finished jobs did', async () => {
    const bridge = bridgeWith([
      {
        id: 'j1',
        kind: 'move',
        state: 'finished',
        phase: 'done',
        finishedAt: Date.now(),
        counts: {
          added: 120,
          toAdd: 120,
          alreadyInTarget: 8,
          notCopyable: 3,
          removed: 126,
          toRemove: 128,
          keptInSource: 2,
        },
      },
    ]);
    const panel = await openActivity(bridge);
    const job = within(panel).getByTestId('finished-job');
    expect(job.querySelector('.job-headline')?.textContent).toBe('Moved to Bob');
    expect(job.querySelector('.job-outcome')?.textContent).toBe(
      '120 added · 8 already in Bob · 3 local files not copied · 126 removed from Alice · 2 kept in Alice (not confirmed in Bob)',
    );
    expect(within(job).queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('undoes a finished copy through the plan dialog', async () => {
    const bridge = bridgeWith([
      {
        id: 'j1',
        state: 'finished',
        phase: 'done',
        finishedAt: Date.now(),
        canUndo: true,
        counts: { added: 120, toAdd: 120 },
      },
    ]);
    const panel = await openActivity(bridge);
    fireEvent.click(within(panel).getByRole('button', { name: 'Undo' }));
    const dialog = await screen.findByRole('dialog', { name: 'Undo the copy to Bob' });
    expect(bridge.callsTo('jobs:planUndo').map((call) => call.args)).toEqual([['j1']]);
    const confirm = await within(dialog).findByRole('button', { name: 'Undo' });
    expect(within(dialog).getByRole('listitem').textContent).toBe(
      '120 to remove from Bob: the tracks the copy added',
    );
    fireEvent.click(confirm);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(bridge.callsTo('jobs:start').map((call) => call.args)).toEqual([
      [bridge.jobs.planned[0]?.planId],
    ]);
    expect(within(panel).getByText('Undoing the copy: removing 0 of 120 from Bob')).toBeTruthy();
    const undone = within(panel).getByTestId('finished-job');
    expect(within(undone).getByText('Undone')).toBeTruthy();
    expect(within(undone).queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('says in a sentence why an action on a job failed', async () => {
    const bridge = bridgeWith([running]);
    const panel = await openActivity(bridge);
    bridge.failures.set('jobs:pause', { code: 'job_invalid_state', message: 'state' });
    fireEvent.click(within(panel).getByRole('button', { name: 'Pause' }));
    expect((await within(panel).findByRole('alert')).textContent).toBe(
      'This job cannot do that now: it has just changed state. Look at it again and retry.',
    );
  });

  it('says when the jobs could not be listed', async () => {
    const bridge = bridgeWith([]);
    bridge.failures.set('jobs:list', { code: 'bridge_failed', message: 'no' });
    const panel = await openActivity(bridge);
    expect(within(panel).getByRole('alert').textContent).toBe(
      'The jobs could not be listed. The app did not answer. Try again.',
    );
  });
});
