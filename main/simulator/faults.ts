import { z } from 'zod';
import type { SimFault } from './types';

/** A fault as the control API and `setFault` accept it. */
export const simFaultSchema: z.ZodType<SimFault> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('latency'), ms: z.number().int().min(0).max(600_000) }),
  z.object({
    kind: z.literal('status'),
    status: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(504)]),
    count: z.number().int().positive().optional(),
  }),
  z.object({ kind: z.literal('malformed') }),
  z.object({ kind: z.literal('timeout') }),
  z.object({ kind: z.literal('unknown-values') }),
  z.object({ kind: z.literal('quota-exhausted') }),
  z.object({
    kind: z.literal('rate-limit'),
    retryAfterSeconds: z.number().int().min(1).max(86_400),
  }),
]);

/** The fault API calls currently meet. */
export class FaultSwitch {
  private current: SimFault | null = null;
  private remaining: number | null = null;

  set(fault: SimFault | null): void {
    if (fault === null) {
      this.current = null;
    } else {
      const parsed = simFaultSchema.safeParse(fault);
      if (!parsed.success) {
        throw new Error(
          `Not a simulator fault: ${parsed.error.issues.map((i) => i.message).join('; ')}.`,
        );
      }
      this.current = parsed.data;
    }
    this.remaining = this.current?.kind === 'status' ? (this.current.count ?? null) : null;
  }

  get(): SimFault | null {
    return this.current;
  }

  /** The fault this API call meets; a status fault with a count uses one up. */
  take(): SimFault | null {
    const fault = this.current;
    if (this.remaining !== null) {
      this.remaining -= 1;
      if (this.remaining <= 0) {
        this.current = null;
        this.remaining = null;
      }
    }
    return fault;
  }
}
