// "Is the person still typing?": true from a change of a value until it has rested, so a table
// can keep each keystroke's work to the rows in view and do the rest once the query rests.
import { useEffect, useState } from 'react';

/** How long a query must rest before a table loads new covers and draws rows out of view. */
export const typingRestMs = 250;

/** True from a change of `value` until it has stayed the same for `ms`. */
export function useChangedWithin<T>(value: T, ms: number): boolean {
  const [rested, setRested] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setRested(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return !Object.is(rested, value);
}
