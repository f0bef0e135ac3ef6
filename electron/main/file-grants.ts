import path from 'node:path';
import { samePath } from './recent-files';

/**
 * Paths the user chose in this session (open/save dialogs, the startup document, OS "open with").
 * Main reads or overwrites a path the renderer names only if it is granted here or is in the recent
 * list: a compromised renderer must not be able to read ~/.ssh or overwrite ~/.bashrc.
 */
export class FileGrants {
  private readonly granted: string[] = [];

  constructor(private readonly platform: NodeJS.Platform = process.platform) {}

  grant(filePath: string): void {
    const resolved = path.resolve(filePath);
    if (!this.has(resolved)) this.granted.push(resolved);
  }

  has(filePath: string): boolean {
    const resolved = path.resolve(filePath);
    return this.granted.some((item) => samePath(item, resolved, this.platform));
  }
}
