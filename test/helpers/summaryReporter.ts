import type { Reporter, TestCase, TestModule } from 'vitest/node';

/**
 * Prints one plain closing line, "tests: N passed, N failed, N skipped", that CI tooling reads
 * without knowing vitest's own summary format. Counts test cases, not files.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const count = (test: TestCase) => {
      const state = test.result().state;
      if (state === 'passed') passed += 1;
      else if (state === 'failed') failed += 1;
      else skipped += 1;
    };
    for (const module of testModules) {
      const before = failed;
      for (const test of module.children.allTests()) count(test);
      // A module that failed without a failing test (load error, failing beforeAll that left its tests
      // "skipped") still counts as one failure, never as nothing.
      if (module.state() === 'failed' && failed === before) failed += 1;
    }
    process.stdout.write(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
