/**
 * The Excel edge of the worksheet functions under a stand-in for Excel's
 * custom functions runtime (the `CustomFunctions` global), configured as the
 * runtime versions Excel ships. What it may return is Microsoft's documented
 * rule (CustomFunctions.ErrorCode, "Custom Functions requirement sets"):
 * #NAME? and #REF! are never allowed as outputs; #DIV/0!, #NUM! and #NULL!
 * only from CustomFunctionsRuntime 1.3; error objects from 1.2.
 */
import { excelFunction } from './excelFunction';

const ERROR_CODE = {
  divisionByZero: '#DIV/0!',
  invalidName: '#NAME?',
  invalidNumber: '#NUM!',
  invalidReference: '#REF!',
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  nullReference: '#NULL!',
} as const;

class RuntimeError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

const globals = globalThis as unknown as Record<string, unknown>;

function withRuntime(version: string, run: () => void): void {
  globals.CustomFunctions = { ErrorCode: ERROR_CODE, Error: RuntimeError };
  globals.Office = {
    context: {
      requirements: {
        isSetSupported: (set: string, v: string) =>
          set === 'CustomFunctionsRuntime' && Number(v.split('.')[1]) <= Number(version.split('.')[1]),
      },
    },
  };
  try {
    run();
  } finally {
    delete globals.CustomFunctions;
    delete globals.Office;
  }
}

const refInput = new RuntimeError('#REF!');
const divInput = new RuntimeError('#DIV/0!');

describe('error outputs the custom functions runtime allows', () => {
  it('never hands back #REF! or #NAME?, which Excel does not take as outputs: #VALUE! says which error came in', () => {
    withRuntime('1.4', () => {
      const [[cell]] = excelFunction('LEVELVALUE')([[refInput]], null) as unknown[][];
      expect(cell).toEqual(new RuntimeError('#VALUE!', 'An argument holds #REF!.'));
      const [[name]] = excelFunction('LEVELVALUE')([[new RuntimeError('#NAME?')]], null) as unknown[][];
      expect(name).toEqual(new RuntimeError('#VALUE!', 'An argument holds #NAME?.'));
    });
  });

  it('passes #DIV/0! on unchanged from CustomFunctionsRuntime 1.3', () => {
    withRuntime('1.3', () => {
      const [[cell]] = excelFunction('LEVELVALUE')([[divInput]], null) as unknown[][];
      expect(cell).toBe(divInput);
    });
  });

  it('turns #DIV/0! into #VALUE! on CustomFunctionsRuntime 1.2, which cannot return it', () => {
    withRuntime('1.2', () => {
      const [[cell]] = excelFunction('LEVELVALUE')([[divInput]], null) as unknown[][];
      expect(cell).toEqual(new RuntimeError('#VALUE!', 'An argument holds #DIV/0!.'));
    });
  });
});
