import type { Logger } from '../observability/logger.ts';

/**
 * Resources are registered as they open and closed in reverse order, each once, each isolated: one
 * failing close is logged and the rest still close (a stuck Redis must not keep the SQLite file open).
 */
export class Lifecycle {
  private readonly closers: { name: string; close: () => Promise<void> }[] = [];
  private closing: Promise<void> | null = null;
  private readonly logger: Logger;

  constructor(logger: Logger) {
    this.logger = logger;
  }

  add(name: string, close: () => Promise<void>): void {
    this.closers.push({ name, close });
  }

  /** Names in the order they will close (for logs and tests). */
  closeOrder(): string[] {
    return this.closers.map((c) => c.name).reverse();
  }

  close(): Promise<void> {
    this.closing ??= this.closeAll();
    return this.closing;
  }

  private async closeAll(): Promise<void> {
    for (const { name, close } of [...this.closers].reverse()) {
      try {
        await close();
        this.logger.debug({ resource: name }, 'closed');
      } catch (error) {
        this.logger.error({ err: error, resource: name }, 'close failed');
      }
    }
  }
}
