/** Feedback for the running or last action: progress and cancel, then a summary or a problem with its fix. */
import { useOperationStatus } from './useOperationStatus';
import { useOperationStatusStyles } from './useOperationStatusStyles';
import { renderOperationStatus } from './renderOperationStatus';

export function OperationStatus() {
  return renderOperationStatus(useOperationStatus(), useOperationStatusStyles());
}
