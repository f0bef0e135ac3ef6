import { flushSync } from 'react-dom';

/**
 * Commits the draft of the focused text field before an action reads the document. Fields commit on
 * blur, and Ctrl+Enter, Ctrl+S or a menu command leave the focus where it is: without this, Run would
 * use the value before the one on screen. flushSync makes the field's refusal, if any, reach the
 * validation (a layout effect) before the action checks it. A no-op outside a browser (unit tests).
 */
export function commitFocusedField(): void {
  if (typeof document === 'undefined') return;
  const el = document.activeElement;
  if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) return;
  flushSync(() => el.blur());
}
