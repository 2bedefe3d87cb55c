/**
 * Offline receipt OCR for the local stack: PaddleOCR's models run by ONNX Runtime through
 * `@gutenye/ocr-node` (models and binaries ship in npm), in a child process (ocrWorker.mjs). It lives in
 * scripts/, not in the Lambda bundle: deployed, the ReceiptOcr port would be backed by Amazon Textract.
 * The worker starts and loads the model on the first receipt, so `npm start` is not slowed.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { ReceiptOcr } from '@budgetbuddy/fulfillment/proxy';

type Answer = { id: number; lines?: string[]; error?: string };

export interface LocalReceiptOcr extends ReceiptOcr {
  close(): Promise<void>;
}

export function createPaddleOcr(timeoutMs = 60_000): LocalReceiptOcr {
  let worker: ChildProcess | undefined;
  let nextId = 0;
  const waiting = new Map<number, (answer: Answer) => void>();

  const start = (): ChildProcess => {
    const child = fork(join(__dirname, 'ocrWorker.mjs'), [], {
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    child.on('message', (answer: Answer) => {
      waiting.get(answer.id)?.(answer);
      waiting.delete(answer.id);
    });
    child.on('exit', () => {
      if (worker === child) worker = undefined;
      for (const [id, settle] of waiting) settle({ id, error: 'the OCR worker stopped' });
      waiting.clear();
    });
    // An idle worker must not keep the process alive.
    child.unref();
    child.channel?.unref();
    return child;
  };

  return {
    readLines(image: Uint8Array): Promise<string[]> {
      worker ??= start();
      const id = nextId++;
      const child = worker;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error('the OCR took too long'));
        }, timeoutMs);
        waiting.set(id, (answer) => {
          clearTimeout(timer);
          if (waiting.size === 0) child.channel?.unref();
          if (answer.lines) resolve(answer.lines);
          else reject(new Error(answer.error ?? 'the OCR failed'));
        });
        child.channel?.ref();
        child.send({ id, image });
      });
    },
    async close() {
      const child = worker;
      worker = undefined;
      if (child && child.exitCode === null) {
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          // Unreferenced, its exit alone would not keep this process waiting for it.
          child.ref();
          child.kill();
        });
      }
    },
  };
}
