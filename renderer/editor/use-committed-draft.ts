import { useCallback, useEffect, useState } from 'react';

/**
 * A text box's draft of an applied value: `commit` hands a changed draft to `apply`, whose message
 * (or null) is the refusal shown beside the box; `revert` puts the applied value back. A new applied
 * value (undo, another node) replaces the draft and clears the refusal.
 */
export function useCommittedDraft(value: string, apply: (text: string) => string | null) {
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setDraft(value);
    setError(null);
  }, [value]);
  const commit = () => setError(draft === value ? null : apply(draft));
  const revert = useCallback(() => {
    setDraft(value);
    setError(null);
  }, [value]);
  return { draft, setDraft, error, commit, revert };
}
