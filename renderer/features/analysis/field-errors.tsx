import { createContext, useCallback, useContext, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';

type Report = (key: string, message: string | null) => void;

const ReportContext = createContext<Report | null>(null);
const ErrorsContext = createContext<ReadonlyMap<string, string>>(new Map());

/**
 * Collects the refused values of the fields inside it, so the section's run button can be disabled
 * with the reason: a refused value is not applied, and running with the previous one would mislead.
 */
export function FieldErrorScope({ children }: { children: ReactNode }) {
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const report = useCallback<Report>(
    (key, message) =>
      setErrors((prev) => {
        if ((prev.get(key) ?? null) === message) return prev;
        const next = new Map(prev);
        if (message) next.set(key, message);
        else next.delete(key);
        return next;
      }),
    [],
  );
  return (
    <ReportContext.Provider value={report}>
      <ErrorsContext.Provider value={errors}>{children}</ErrorsContext.Provider>
    </ReportContext.Provider>
  );
}

/**
 * Reports this field's error (or null) to the enclosing scope; a field that goes away takes its error along.
 * A layout effect: the scope re-renders before the browser paints or runs another task, so the run
 * button is never seen enabled next to a refused value (a passive effect left one frame where it was).
 */
export function useFieldError(key: string, message: string | null): void {
  const report = useContext(ReportContext);
  useLayoutEffect(() => {
    report?.(key, message);
  }, [report, key, message]);
  useLayoutEffect(() => () => report?.(key, null), [report, key]);
}

/** The first refused value in the scope, as the reason a run cannot start, or null. */
export function useScopeError(): string | null {
  const errors = useContext(ErrorsContext);
  return useMemo(() => {
    const first = errors.values().next();
    return first.done ? null : first.value;
  }, [errors]);
}
