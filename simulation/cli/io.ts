/** Where a command writes: stdout for results, stderr for diagnostics (tests pass their own). */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const processIo: CliIo = {
  stdout: (s) => void process.stdout.write(s + '\n'),
  stderr: (s) => void process.stderr.write(s + '\n'),
};
