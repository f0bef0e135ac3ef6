import type { BrowserWindow, IpcMain, WebContents } from 'electron';
import { CHANNELS } from '../contract/api';
import type { ApiMethod, HandlerSpec, HandlerTable } from './ipc-handlers';
import { parseIpcArgs } from './ipc-validation';
import { isAppUrl } from './security';

interface IpcEventLike {
  sender: WebContents;
  senderFrame: { url: string } | null;
}

/** Only our own page may call main; a frame from anywhere else (or a destroyed one) is refused. */
export function assertTrustedSender(event: Pick<IpcEventLike, 'senderFrame'>, channel: string): void {
  const url = event.senderFrame?.url ?? '';
  if (!isAppUrl(url)) throw new Error(`IPC ${channel} refused: the sender (${url || 'unknown frame'}) is not the Preflight page.`);
}

export interface RegisterOptions {
  windowFor(sender: WebContents): BrowserWindow | null;
  log(message: string): void;
}

/** Registers every handler of the table on its channel, each checking its sender and its argument. */
export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle' | 'on'>, table: HandlerTable, options: RegisterOptions): void {
  for (const method of Object.keys(table) as ApiMethod[]) {
    registerHandler(ipcMain, method, table[method] as HandlerSpec<typeof method>, options);
  }
}

function registerHandler<K extends ApiMethod>(ipcMain: Pick<IpcMain, 'handle' | 'on'>, method: K, spec: HandlerSpec<K>, options: RegisterOptions): void {
  const channel = CHANNELS[method];
  const call = (event: IpcEventLike, received: unknown[]) => {
    assertTrustedSender(event, channel);
    const arg = parseIpcArgs(channel, spec.args, received);
    return spec.run(arg, { window: options.windowFor(event.sender) });
  };
  if (spec.kind === 'invoke') {
    // A thrown error rejects the renderer's promise with its message.
    ipcMain.handle(channel, async (event, ...received: unknown[]) => call(event, received));
    return;
  }
  // Fire-and-forget channels have nobody to reject to: log and drop.
  ipcMain.on(channel, (event, ...received: unknown[]) => {
    try {
      void Promise.resolve(call(event, received)).catch((error: unknown) => options.log(`${channel}: ${String(error)}`));
    } catch (error) {
      options.log(error instanceof Error ? error.message : String(error));
    }
  });
}
