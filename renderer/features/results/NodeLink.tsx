import type { ReactNode } from 'react';
import { useRevealNode } from './use-reveal-node';

/** A node's name in a results table: a link that shows the node in the editor. */
export function NodeLink({ id, children }: { id: string; children: ReactNode }) {
  const reveal = useRevealNode();
  return (
    <button className="link-btn" onClick={() => reveal(id)} title="Show in the editor">
      {children}
    </button>
  );
}
