import type { SideTab, UiStore } from '../stores/ui-store';

/**
 * Puts the cursor in a field of the side panel, opening a folded group around it. Returns false when
 * the field is not on screen.
 */
export function focusField(fieldId: string): boolean {
  const el = document.getElementById(fieldId);
  if (!el) return false;
  for (let group = el.closest('details'); group; group = group.parentElement?.closest('details') ?? null) group.open = true;
  // A field of several boxes (a table, a distribution) is named by its container: the red box is the one to fix.
  const target = el.matches('input, select, textarea, button') ? el : ((el.closest('.field')?.querySelector('[aria-invalid="true"]') as HTMLElement | null) ?? (el.querySelector('input, select, textarea, button') as HTMLElement | null) ?? el);
  target.scrollIntoView({ block: 'center' });
  target.focus();
  return true;
}

/**
 * "Set it here": from an analysis to the editor tab holding a document field (the monthly budget,
 * the traffic's monthly growth), with the cursor in it. The tab renders after the switch, so the
 * field is looked for over the next frames.
 */
export function revealField(ui: UiStore, tab: SideTab, fieldId: string): void {
  ui.getState().setView('editor');
  ui.getState().setSideTab(tab);
  let frames = 0;
  const look = () => {
    if (!focusField(fieldId) && ++frames < 30) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}
