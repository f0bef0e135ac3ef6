import type { z } from 'zod';

/** Thrown when the renderer sends an argument the contract does not allow; names every bad field. */
export class IpcArgumentError extends Error {
  constructor(
    readonly channel: string,
    readonly issues: readonly z.core.$ZodIssue[],
  ) {
    super(`Invalid argument for ${channel}: ${describeIssues(issues)}`);
    this.name = 'IpcArgumentError';
  }
}

/** "text: Invalid input: expected string, received number; Unrecognized key: \"extra\"" */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/**
 * Every channel takes at most one argument (an object, or nothing). Extra positional arguments are
 * refused rather than ignored: they mean the caller is not our preload.
 */
export function parseIpcArgs<T>(channel: string, schema: z.ZodType<T>, received: readonly unknown[]): T {
  if (received.length > 1) throw new Error(`Invalid argument for ${channel}: expected one argument, received ${received.length}`);
  const result = schema.safeParse(received[0]);
  if (!result.success) throw new IpcArgumentError(channel, result.error.issues);
  return result.data;
}
