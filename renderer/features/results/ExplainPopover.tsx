import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useClickOutside } from '../../app/use-click-outside';
import type { Explanation } from '../../../simulation/index';

/**
 * "Where does this number come from?": the figure's formula with this run's numbers and its inputs.
 * Hover shows it; a click pins it (and is the keyboard way in); Escape or a click elsewhere closes it.
 */
export function ExplainPopover({ explanation, label }: { explanation: Explanation; label: string }) {
  const [hover, setHover] = useState(false);
  const [pinned, setPinned] = useState(false);
  const id = useId();
  const box = useRef<HTMLSpanElement>(null);
  const open = hover || pinned;
  // Open rightwards when the window has room for the 360 px note there, else leftwards: a "?" in
  // the middle of a panel must not open over the side bar, which clips it.
  const [side, setSide] = useState<'left' | 'right'>('right');
  useEffect(() => {
    if (open && box.current) setSide(window.innerWidth - box.current.getBoundingClientRect().left >= 384 ? 'left' : 'right');
  }, [open]);
  useClickOutside(box, pinned, useCallback(() => setPinned(false), []));
  return (
    <span ref={box} className="explain" onMouseEnter={() => setHover(true)} onMouseLeave={() => setHover(false)} onKeyDown={(e) => e.key === 'Escape' && (setPinned(false), setHover(false))}>
      <button type="button" className="explain-btn" aria-label={`Where does ${label} come from?`} aria-expanded={open} aria-controls={id} onClick={() => setPinned(!pinned)}>
        ?
      </button>
      {open && (
        <div id={id} className={`explain-pop align-${side}`} role="dialog" aria-label={explanation.title}>
          <h4>{explanation.title}</h4>
          <p className="explain-formula">{explanation.formula}</p>
          <ul>
            {explanation.details.filter(Boolean).map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
        </div>
      )}
    </span>
  );
}
