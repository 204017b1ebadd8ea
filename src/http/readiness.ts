/** Readiness: every backend probed concurrently, each bounded by a timeout so one slow probe cannot stall. */

export interface Probeable {
  readonly kind: string;
  ping(): Promise<void>;
}

export interface BackendStatus {
  kind: string;
  ok: boolean;
}

export interface Readiness {
  status: 'ok' | 'degraded';
  storage: BackendStatus;
  coordinator: BackendStatus;
  blobstore: BackendStatus;
}

async function probe(backend: Probeable, timeoutMs: number): Promise<BackendStatus> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    const ok = await Promise.race([backend.ping().then(() => true as const), timeout]);
    return { kind: backend.kind, ok };
  } catch {
    return { kind: backend.kind, ok: false };
  } finally {
    clearTimeout(timer);
  }
}

export async function checkReadiness(
  backends: { storage: Probeable; coordinator: Probeable; blobstore: Probeable },
  timeoutMs: number,
): Promise<Readiness> {
  const [storage, coordinator, blobstore] = await Promise.all([
    probe(backends.storage, timeoutMs),
    probe(backends.coordinator, timeoutMs),
    probe(backends.blobstore, timeoutMs),
  ]);
  const status = storage.ok && coordinator.ok && blobstore.ok ? 'ok' : 'degraded';
  return { status, storage, coordinator, blobstore };
}
