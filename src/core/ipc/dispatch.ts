/**
 * Carries one call from the renderer to its handler: checks the method name, validates the
 * payload against the contract's schema, and wraps the result or the error in an envelope.
 * The Electron main process and the end-to-end test bridge both call this, so the tests go
 * through the very same validation as the app.
 */
import { z } from 'zod';
import { GAZETTE_METHODS, type Envelope, type GazetteMethodName } from './channels';
import { inputSchemas, type GazetteHandlers } from './contract';

export function isGazetteMethod(name: unknown): name is GazetteMethodName {
  return typeof name === 'string' && (GAZETTE_METHODS as readonly string[]).includes(name);
}

/** Validates `payload` for `method` and runs the handler; never throws. */
export async function dispatch(
  handlers: GazetteHandlers,
  method: unknown,
  payload: unknown,
): Promise<Envelope<unknown>> {
  if (!isGazetteMethod(method)) {
    return { ok: false, error: { code: 'UnknownMethod', message: `Unknown method: ${String(method)}` } };
  }
  const parsed = inputSchemas[method].safeParse(payload);
  if (!parsed.success) {
    const message = `Invalid input for ${method}: ${z.prettifyError(parsed.error)}`;
    return { ok: false, error: { code: 'InvalidInput', message } };
  }
  try {
    // The schema for `method` produced `parsed.data`, so it fits that handler's input.
    const handler = handlers[method] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    const code = error instanceof Error && error.name !== 'Error' ? error.name : 'Failed';
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code, message } };
  }
}
