/**
 * Says which checks a suite skips and what to install to run them. Written
 * straight to stderr: jest's reporter drops console output of a file whose
 * tests are all skipped whenever it runs more than one file, which would hide
 * the message exactly where it is needed.
 */
export function announceSkip(message: string): void {
  process.stderr.write(`${message}\n`);
}
