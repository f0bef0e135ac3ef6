/**
 * Preload (bundled to ONE CommonJS file, dist-electron/preload.cjs: a sandboxed preload can require
 * only 'electron', not local modules). Runs in an isolated world and exposes `window.preflight`.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createPreflightApi } from './bridge';

contextBridge.exposeInMainWorld('preflight', createPreflightApi(ipcRenderer));
