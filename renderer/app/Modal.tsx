import { useEffect, useId, useRef, type ReactNode } from 'react';

/** A modal dialog: labelled, Escape closes it, focus starts inside it. */
export function Modal(props: { title: string; onClose(): void; children: ReactNode; actions: ReactNode; wide?: boolean; tone?: 'error' }) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.querySelector<HTMLElement>('[data-autofocus], button')?.focus();
  }, []);
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && props.onClose()}>
      <div ref={box} className={`modal${props.wide ? ' wide' : ''}${props.tone ? ` ${props.tone}` : ''}`} role="dialog" aria-modal="true" aria-labelledby={titleId} onKeyDown={(e) => e.key === 'Escape' && props.onClose()}>
        <h2 id={titleId}>{props.title}</h2>
        <div className="modal-body">{props.children}</div>
        <div className="modal-actions">{props.actions}</div>
      </div>
    </div>
  );
}
