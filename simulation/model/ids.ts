import { z } from 'zod';

/** Node, quota and edge-endpoint ids. */
export const IdSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/, 'an id: a letter, then letters, digits, "_", "." or "-" (at most 64 characters)');
