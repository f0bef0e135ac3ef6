import path from 'node:path';

/**
 * Where the app's pieces are, in development (`electron .` from the repository) and packaged
 * (app.asar plus extraResources). Pure so both layouts are tested.
 */
export interface AppLocationInput {
  /** app.getAppPath(): the repository root, or …/resources/app.asar. */
  appPath: string;
  /** The folder of main.cjs (dist-electron/). */
  mainDir: string;
  isPackaged: boolean;
  /** process.resourcesPath (only meaningful when packaged). */
  resourcesPath: string;
  /** app.getPath('userData'). */
  userDataDir: string;
}

export interface AppLocations {
  /** Vite's output, the only folder the app:// scheme serves. */
  webRoot: string;
  preloadPath: string;
  examplesDir: string;
  readmePath: string;
  recentFilesPath: string;
  autosavePath: string;
}

export function appLocations(input: AppLocationInput): AppLocations {
  const shipped = input.isPackaged ? input.resourcesPath : input.appPath;
  return {
    webRoot: path.join(input.appPath, 'dist-web'),
    preloadPath: path.join(input.mainDir, 'preload.cjs'),
    examplesDir: path.join(shipped, 'examples'),
    readmePath: path.join(shipped, 'README.md'),
    recentFilesPath: path.join(input.userDataDir, 'recent-files.json'),
    autosavePath: path.join(input.userDataDir, 'autosave.json'),
  };
}
