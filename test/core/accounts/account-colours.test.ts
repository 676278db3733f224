import { describe, expect, it } from 'vitest';
import {
  accountColourHex,
  accountColourNames,
  isAccountColour,
  nextAccountColour,
} from '../../../electron/core/accounts/account-colours.js';

// WCAG 2 relative luminance and contrast ratio.
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('account colour palette', () => {
  it.each(accountColourNames)('%s keeps 3:1 contrast on white and on #121212', (name) => {
    expect(contrast(accountColourHex[name], '#ffffff')).toBeGreaterThanOrEqual(3);
    expect(contrast(accountColourHex[name], '#121212')).toBeGreaterThanOrEqual(3);
  });

  it('has distinct colours', () => {
    expect(new Set(Object.values(accountColourHex)).size).toBe(accountColourNames.length);
  });

  it('recognises palette names only', () => {
    expect(isAccountColour('teal')).toBe(true);
    expect(isAccountColour('#00838f')).toBe(false);
    expect(isAccountColour(undefined)).toBe(false);
  });

  it('picks an unused colour first, then the least used', () => {
    expect(nextAccountColour([])).toBe('green');
    expect(nextAccountColour(['green', 'purple'])).toBe('blue');
    expect(nextAccountColour([...accountColourNames, 'green'])).toBe('blue');
  });
});
