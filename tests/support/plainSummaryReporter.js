// Prints jest's totals as one plain line, "N passed, N failed, N skipped", so
// any CI reading closing lines counts the tests the same way jest does.
class PlainSummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    process.stdout.write(`\n${results.numPassedTests} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
module.exports = PlainSummaryReporter;
