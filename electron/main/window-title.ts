/** The title the OS shows for a document window, with the platform's unsaved-changes convention. */
export interface WindowTitle {
  title: string;
  /** macOS marks unsaved documents with a dot in the close button (setDocumentEdited). */
  documentEdited: boolean;
}

export const DIRTY_MARKER = '• ';

export function windowTitleFor(title: string, dirty: boolean, platform: NodeJS.Platform): WindowTitle {
  const clean = title.trim() || 'Preflight';
  if (platform === 'darwin') return { title: clean, documentEdited: dirty };
  return { title: dirty ? `${DIRTY_MARKER}${clean}` : clean, documentEdited: false };
}
