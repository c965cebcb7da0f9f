// Prints one plain closing line, "jest: N passed, N failed", that tools reading CI logs understand
// whatever test runner produced them. Jest's own summary stays as it is above it.
export default class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const suffix = skipped > 0 ? `, ${skipped} skipped` : '';
    process.stdout.write(
      `jest: ${results.numPassedTests} passed, ${results.numFailedTests}${results.numRuntimeErrorTestSuites > 0 ? ` failed (+${results.numRuntimeErrorTestSuites} suites failed to run)` : ' failed'}${suffix}\n`,
    );
  }
}
