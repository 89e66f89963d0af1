/**
 * A password to open a workbook (Excel's "Encrypt with Password"), checked
 * before anything is written: the limits are Excel's, so a file we encrypt is
 * one Excel can open.
 */

/** [MS-OFFCRYPTO] 2.3.4.10 ("Password ... MUST be at most 255 Unicode characters") and Excel's own dialog. */
export const MAX_OPEN_PASSWORD_LENGTH = 255;

/** Why the text cannot be a password to open, or undefined when it can. */
export function openPasswordProblem(password: string): string | undefined {
  if (password === '') return 'the password is empty';
  const length = [...password].length;
  if (length > MAX_OPEN_PASSWORD_LENGTH) return `the password has ${length} characters; Excel takes at most ${MAX_OPEN_PASSWORD_LENGTH}`;
  // A password that starts or ends with a space is almost always a copy-and-paste slip; Excel would demand the space.
  if (password.trim() !== password) return 'the password starts or ends with a space; remove it';
  return undefined;
}
