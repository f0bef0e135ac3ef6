/** A small stroke icon set (inline SVG: no icon font, nothing fetched, CSP-friendly). */
const PATHS = {
  file: 'M6 2h7l5 5v13a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1zm7 0v5h5M12 11v6m-3-3h6',
  open: 'M3 6a1 1 0 0 1 1-1h5l2 2h8a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1z',
  save: 'M5 3h11l3 3v13a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1zm3 0v5h7V3M8 20v-6h8v6',
  undo: 'M9 14L4 9l5-5M4 9h10a6 6 0 0 1 0 12h-3',
  redo: 'M15 14l5-5-5-5M20 9H10a6 6 0 0 0 0 12h3',
  layout: 'M4 5h5v5H4zm11 0h5v5h-5zM9.5 16h5v5h-5zM9 7.5h6M6.5 10v3.5H12V16m5.5-6v3.5H12',
  fit: 'M4 9V4h5m6 0h5v5m0 6v5h-5m-6 0H4v-5',
  map: 'M3 6l6-2 6 2 6-2v14l-6 2-6-2-6 2zm6-2v14m6-12v14',
  play: 'M7 4l13 8-13 8z',
  stop: 'M6 6h12v12H6z',
  trash: 'M4 7h16M10 11v6m4-6v6M6 7l1 13h10l1-13M9 7V4h6v3',
  info: 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20zm0-11v6m0-10v.01',
  warn: 'M12 3l10 18H2zm0 6v5m0 3v.01',
  error: 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20zM15 9l-6 6m0-6l6 6',
  close: 'M6 6l12 12M18 6L6 18',
  plus: 'M12 5v14M5 12h14',
  chevron: 'M6 9l6 6 6-6',
  reset: 'M4 12a8 8 0 1 0 3-6.2M4 4v4h4',
  download: 'M12 4v11m-5-5l5 5 5-5M5 20h14',
  import: 'M12 3v10m-4-4l4 4 4-4M4 14v5a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-5',
  export: 'M12 14V3m-4 4l4-4 4 4M4 14v5a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-5',
  clock: 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20zm0-15v5l3 3',
  saveAs: 'M5 3h11l3 3v6M4 4v16a1 1 0 0 0 1 1h7M8 3v5h7V3m2 11l4 4-4 4m4-4h-7',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 16, title }: { name: IconName; size?: number; title?: string }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden={title ? undefined : true} role={title ? 'img' : undefined}>
      {title && <title>{title}</title>}
      <path d={PATHS[name]} />
    </svg>
  );
}
