import type { WebEnvironment } from './web-platform';

/** The real page behind the web platform: a hidden file input, an anchor download, localStorage. */
export function browserEnvironment(): WebEnvironment {
  return {
    storage: window.localStorage,
    pickFile(accept) {
      return new Promise((resolve) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.accept = accept;
        input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
        input.addEventListener('cancel', () => resolve(null), { once: true });
        input.click();
      });
    },
    download(name, data) {
      const url = URL.createObjectURL(data);
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.rel = 'noopener';
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
    setDocumentTitle: (title) => {
      document.title = title;
    },
    now: () => new Date(),
  };
}
