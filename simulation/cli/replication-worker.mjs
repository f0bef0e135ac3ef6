// Bootstrap for CLI worker threads: the TypeScript loader registered in the main thread does not
// reach workers, so each worker registers it before loading the TypeScript worker module.
import { register } from 'tsx/esm/api';

register();
await import('./replication-worker.ts');
