import { z } from 'zod';
import type { EngineApi, NodeRuntime, Outcome } from '../../engine/engine-api';
import { ERROR_NAMES, ErrorCode } from '../../engine/errors';
import type { SimRequest } from '../../engine/request';
import { defineNodeKind } from '../kind';

class TerminalRuntime implements NodeRuntime {
  constructor(
    private readonly engine: EngineApi,
    private readonly index: number,
    private readonly outcome: Outcome,
    private readonly defaultErrorCode: number,
  ) {}
  enter(req: SimRequest): void {
    if (this.outcome === 'error' && req.errorCode === ErrorCode.none) req.errorCode = this.defaultErrorCode;
    this.engine.finish(req, this.outcome, this.index);
  }
  onEvent(): void {}
}

export const responseKind = defineNodeKind({
  kind: 'response',
  title: 'Response',
  group: 'terminals',
  description: 'The user gets an answer. End-to-end latency is measured here.',
  params: z.object({}).strict(),
  outputs: [],
  acceptsInput: true,
  terminal: 'response',
  callNode: false,
  summarize: () => ['served'],
  create: (ctx) => new TerminalRuntime(ctx.engine, ctx.index, 'served', ErrorCode.none),
});

const ERROR_TYPES = ERROR_NAMES.filter((n) => n !== 'none');

export const errorKind = defineNodeKind({
  kind: 'error',
  title: 'Error',
  group: 'terminals',
  description: 'The user sees a failure. Requests keep the error that brought them here; an unwired error port ends the same way.',
  params: z
    .object({
      errorType: z.enum(ERROR_TYPES as [string, ...string[]]).default('unavailable').meta({ title: 'Error type', description: 'Recorded when the request arrives without an error of its own (e.g. a deliberate reject path).' }),
    })
    .strict(),
  outputs: [],
  acceptsInput: true,
  terminal: 'error',
  callNode: false,
  summarize: () => ['failed'],
  create: (ctx) => new TerminalRuntime(ctx.engine, ctx.index, 'error', ERROR_NAMES.indexOf(ctx.params.errorType as never)),
});

export const escalationKind = defineNodeKind({
  kind: 'escalation',
  title: 'Escalation',
  group: 'terminals',
  description: 'Handed to a human (support agent, expert review). Counted apart from served and failed requests: the escalation rate.',
  params: z.object({}).strict(),
  outputs: [],
  acceptsInput: true,
  terminal: 'escalation',
  callNode: false,
  summarize: () => ['to a human'],
  create: (ctx) => new TerminalRuntime(ctx.engine, ctx.index, 'escalated', ErrorCode.none),
});
