import { useCallback, useState } from 'react';

/**
 * The refusals of a field made of several inputs (a distribution's parameters, a table's cells),
 * each kept by input: one input's successful commit must not clear another's red draft, or Run would
 * come back on beside it. `error` is the first refusal still on screen.
 */
export function useInputErrors(): { error: string | null; report(input: string, message: string | null): void } {
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const report = useCallback(
    (input: string, message: string | null) =>
      setErrors((prev) => {
        if ((prev.get(input) ?? null) === message) return prev;
        const next = new Map(prev);
        if (message) next.set(input, message);
        else next.delete(input);
        return next;
      }),
    [],
  );
  return { error: errors.values().next().value ?? null, report };
}
