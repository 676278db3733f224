// What the saved-tracks tests read off the screen: the titles of the rows drawn, and "the library
// is shown whole" (no progress bar, the count in the heading).
import { screen, waitFor, within } from '@testing-library/react';
import { expect } from 'vitest';

export function visibleTitles(): string[] {
  return screen
    .getAllByTestId('track-row')
    .map(
      (row) =>
        within(row).getAllByRole('gridcell')[1]?.querySelector('.track-name')?.textContent ?? '',
    );
}

export async function loaded(total: number): Promise<void> {
  const heading = await screen.findByRole('heading', { name: /Saved tracks/ });
  await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
  await waitFor(() => expect(heading.textContent).toContain(total.toLocaleString('en')));
}
