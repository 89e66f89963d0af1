import type { UserProblem } from '../../problems/describeProblem';

export type OperationStatusState =
  | { kind: 'idle' }
  | {
      kind: 'running';
      label: string;
      value?: number;
      step?: string;
      detail?: string;
      cancellable: boolean;
      cancelling: boolean;
      onCancel(): void;
    }
  | { kind: 'succeeded'; title: string; lines: string[]; warnings: string[]; onDismiss(): void }
  | { kind: 'failed'; title: string; problem: UserProblem; onDismiss(): void }
  | { kind: 'cancelled'; title: string; body: string; onDismiss(): void };
