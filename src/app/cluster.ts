/**
 * WORKERS > 1: the primary forks workers that share the port (node:cluster) and only supervises them.
 * A /metrics scrape reaches one worker, which asks the primary for the aggregate of every worker's
 * registry (prom-client's AggregatorRegistry: counters and histograms summed, gauges summed unless
 * declared otherwise — circuit_state and backend_info take the max).
 */
import cluster, { type Worker } from 'node:cluster';
import { AggregatorRegistry } from 'prom-client';
import type { Logger } from '../observability/logger.ts';
import type { Metrics } from '../observability/metrics.ts';

const ASK = 'postersplus:metrics-request';
const ANSWER = 'postersplus:metrics-answer';

interface MetricsRequest {
  type: typeof ASK;
  id: number;
}
interface MetricsAnswer {
  type: typeof ANSWER;
  id: number;
  text?: string;
  error?: string;
}

/** Runs the primary: forks `count` workers, answers metrics requests, forwards SIGTERM/SIGINT. */
export function runPrimary(count: number, logger: Logger): void {
  const aggregator = new AggregatorRegistry();
  let stopping = false;

  const fork = (): Worker => cluster.fork();
  cluster.on('message', (worker, message: MetricsRequest) => {
    if (message?.type !== ASK) return;
    aggregator.clusterMetrics().then(
      (text) => worker.send({ type: ANSWER, id: message.id, text } satisfies MetricsAnswer),
      (error: Error) =>
        worker.send({ type: ANSWER, id: message.id, error: error.message } satisfies MetricsAnswer),
    );
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        logger.info('all workers stopped');
        process.exit(0);
      }
      return;
    }
    logger.error({ worker: worker.id, code, signal }, 'worker died; starting a replacement');
    fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping workers');
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  logger.info({ workers: count }, 'starting workers');
  for (let i = 0; i < count; i += 1) fork();
}

/** In a worker: report this registry to the primary, and fetch the cluster aggregate for /metrics. */
export function workerMetrics(metrics: Metrics): () => Promise<string> {
  new AggregatorRegistry(); // installs the worker-side listener for the primary's collection requests
  AggregatorRegistry.setRegistries(metrics.registry);
  let nextId = 1;
  const pending = new Map<number, { resolve: (text: string) => void; reject: (error: Error) => void }>();
  process.on('message', (message: MetricsAnswer) => {
    if (message?.type !== ANSWER) return;
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.error !== undefined) waiter.reject(new Error(message.error));
    else waiter.resolve(message.text ?? '');
  });
  return () =>
    new Promise<string>((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error('metrics aggregation timed out'));
      }, 10_000);
      pending.set(id, {
        resolve: (text) => {
          clearTimeout(timer);
          resolve(text);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      process.send?.({ type: ASK, id } satisfies MetricsRequest);
    });
}

export const isWorker = () => cluster.isWorker;
