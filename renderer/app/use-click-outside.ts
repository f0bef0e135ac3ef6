import { useEffect, type RefObject } from 'react';

/**
 * While `active`, a mouse press outside `box` calls `onOutside` (menus and popovers close on a click
 * elsewhere). Listens only while active, so closed menus cost nothing.
 */
export function useClickOutside(box: RefObject<HTMLElement | null>, active: boolean, onOutside: () => void): void {
  useEffect(() => {
    if (!active) return;
    const away = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) onOutside();
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [box, active, onOutside]);
}
