import type { ReactNode } from 'react';
import { useServices } from '../../app/app-context';
import { revealField } from '../../editor/focus-field';
import type { SideTab } from '../../stores/ui-store';

/** A button that takes the reader from a figure to the document field behind it, cursor in the field. */
export function SetInEditor({ tab, fieldId, children }: { tab: SideTab; fieldId: string; children: ReactNode }) {
  const { ui } = useServices();
  return (
    <button type="button" className="btn small" onClick={() => revealField(ui, tab, fieldId)}>
      {children}
    </button>
  );
}
