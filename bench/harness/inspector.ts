/**
 * A tiny Chrome DevTools Protocol client over the child's inspector (127.0.0.1 only): forces a
 * full GC and reads process.memoryUsage(), so memory per conversation is measured after GC.
 */
import { z } from 'zod';

const reply = z.object({
  id: z.number(),
  result: z.unknown().optional(),
  error: z.object({ message: z.string() }).optional(),
});

const evaluated = z.object({ result: z.object({ value: z.string() }) });

const memoryUsage = z.object({
  rss: z.number(),
  heapTotal: z.number(),
  heapUsed: z.number(),
  external: z.number(),
  arrayBuffers: z.number(),
});
export type MemoryUsage = z.infer<typeof memoryUsage>;

export interface Inspector {
  /** Two full collections (the second catches what the first's finalizers freed). */
  gc(): Promise<void>;
  memoryUsage(): Promise<MemoryUsage>;
  close(): void;
}

export async function openInspector(wsUrl: string, timeoutMs = 10_000): Promise<Inspector> {
  const ws = new WebSocket(wsUrl);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('inspector: connect timed out')), timeoutMs);
    ws.addEventListener('open', () => {
      clearTimeout(timer);
      resolve();
    });
    ws.addEventListener('error', () => {
      clearTimeout(timer);
      reject(new Error('inspector: connection failed'));
    });
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  ws.addEventListener('message', (event: MessageEvent) => {
    let data: unknown;
    try {
      data = JSON.parse(String(event.data));
    } catch {
      return;
    }
    const parsed = reply.safeParse(data);
    if (!parsed.success) return; // events (no id)
    const waiter = pending.get(parsed.data.id);
    if (!waiter) return;
    pending.delete(parsed.data.id);
    if (parsed.data.error) waiter.reject(new Error(`inspector: ${parsed.data.error.message}`));
    else waiter.resolve(parsed.data.result);
  });

  const send = (method: string, params: Record<string, unknown> = {}): Promise<unknown> => {
    const id = nextId++;
    ws.send(JSON.stringify({ id, method, params }));
    return new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`inspector: ${method} timed out`));
      }, timeoutMs);
      pending.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
    });
  };

  return {
    async gc() {
      await send('HeapProfiler.collectGarbage');
      await send('HeapProfiler.collectGarbage');
    },
    async memoryUsage() {
      const result = evaluated.parse(
        await send('Runtime.evaluate', {
          expression: 'JSON.stringify(process.memoryUsage())',
          returnByValue: true,
        }),
      );
      return memoryUsage.parse(JSON.parse(result.result.value));
    },
    close() {
      ws.close();
    },
  };
}
