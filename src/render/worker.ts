/**
 * Worker-thread entry: renders posters off the main event loop. Canvas drawing is synchronous native
 * work (a few ms per poster), so it must not run on the thread that answers cache hits.
 */
import { parentPort } from 'node:worker_threads';
import { registerFonts } from './fonts.ts';
import { renderLocal } from './renderLocal.ts';
import type { RenderInput, RenderResult } from './types.ts';

export interface JobMessage {
  id: number;
  input: RenderInput;
}

export type ResultMessage =
  | { id: number; ok: true; result: Omit<RenderResult, 'bytes'> & { bytes: Uint8Array } }
  | { id: number; ok: false; error: { name: string; message: string } };

const port = parentPort;
if (!port) throw new Error('render worker must run in a worker thread');
// Fonts are registered when the worker starts, not on its first poster.
registerFonts();

port.on('message', async ({ id, input }: JobMessage) => {
  try {
    const result = await renderLocal(input);
    // Encoders return native (external) buffers, which cannot be transferred: copy once into a plain
    // ArrayBuffer (≈50 KB, microseconds) and transfer that instead of cloning it again.
    const owned = new Uint8Array(result.bytes);
    const msg: ResultMessage = { id, ok: true, result: { ...result, bytes: owned } };
    port.postMessage(msg, [owned.buffer]);
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    const msg: ResultMessage = { id, ok: false, error: { name: e.name, message: e.message } };
    port.postMessage(msg);
  }
});
