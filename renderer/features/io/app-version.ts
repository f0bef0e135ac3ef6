// Vite inlines just this field (a named JSON import), not the whole package.json.
import { version } from '../../../package.json';

/** The app's version, as the CLI reports it (both read package.json). */
export const APP_VERSION: string = version;
