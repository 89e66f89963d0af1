/**
 * The texts of a dropdown (data validation) within Excel's lengths: the
 * prompt title and error title at most 32 characters, the prompt at most 255
 * and the error message at most 225 ([MS-XLS] 2.5.37 DValStrings; Excel
 * refuses longer ones, through Office.js and in a file). Core fits them once,
 * so both renderers write the same words.
 */
import type { ListValidation } from './plan';

export const VALIDATION_TEXT_LIMITS = { title: 32, prompt: 255, errorMessage: 225 } as const;

/**
 * Text cut to at most `max` characters, at a word break where one is near,
 * with an ellipsis; never splitting a character made of two UTF-16 units.
 */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  if (/[\uDC00-\uDFFF]/.test(text[cut] ?? '')) cut--;
  const space = text.lastIndexOf(' ', cut);
  if (space >= cut * 0.6) cut = space;
  return `${text.slice(0, cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** The validation with each text within Excel's limit; the first of `errorMessages` that fits is kept whole. */
export function fitValidationText(v: ListValidation, shorterErrorMessages: readonly string[] = []): ListValidation {
  const error = [v.errorMessage, ...shorterErrorMessages].find((m) => m.length <= VALIDATION_TEXT_LIMITS.errorMessage);
  return {
    ...v,
    ...(v.title !== undefined ? { title: clipText(v.title, VALIDATION_TEXT_LIMITS.title) } : {}),
    ...(v.prompt !== undefined ? { prompt: clipText(v.prompt, VALIDATION_TEXT_LIMITS.prompt) } : {}),
    errorMessage: error ?? clipText(v.errorMessage, VALIDATION_TEXT_LIMITS.errorMessage),
  };
}
