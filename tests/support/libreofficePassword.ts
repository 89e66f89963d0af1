/**
 * Opening a workbook that has a password to open in LibreOffice, as a person
 * would type the password in: `soffice --convert-to` has no way to give one,
 * so a small Basic macro in a fresh profile loads the file with its
 * "Password" property (the MediaDescriptor's) and stores its first sheet as
 * CSV. Only ever given the right password: with a wrong one LibreOffice asks
 * again, which a headless run cannot answer.
 */
import { spawnSync } from 'child_process';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { libreOfficeWorkspace } from './libreoffice';

const MODULE = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub OpenWith(inPath As String, pw As String, outPath As String)
  Dim args(1) As New com.sun.star.beans.PropertyValue
  args(0).Name = &quot;Hidden&quot;
  args(0).Value = True
  args(1).Name = &quot;Password&quot;
  args(1).Value = pw
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(inPath), &quot;_blank&quot;, 0, args())
  If IsNull(doc) Then Exit Sub
  Dim out(1) As New com.sun.star.beans.PropertyValue
  out(0).Name = &quot;FilterName&quot;
  out(0).Value = &quot;Text - txt - csv (StarCalc)&quot;
  out(1).Name = &quot;FilterOptions&quot;
  out(1).Value = &quot;44,34,76,1&quot;
  doc.storeToURL(ConvertToURL(outPath), out())
  doc.close(True)
End Sub
</script:module>
`;

/** The first sheet of `bytes` as LibreOffice reads it once given `password` (CSV text), or undefined when it did not open. */
export function firstSheetOpenedWithPassword(soffice: string, bytes: Buffer, password: string): string | undefined {
  if (/["\n]/.test(password)) throw new Error('the macro call cannot carry a password with a quote or a line break');
  const { dir, profile } = libreOfficeWorkspace();
  // A new profile gets LibreOffice's default Basic library on its first start: start once, then put the macro in it.
  const profileArg = `-env:UserInstallation=file://${profile}`;
  spawnSync(soffice, [profileArg, '--headless', '--norestore', '--terminate_after_init'], { timeout: 180_000, killSignal: 'SIGKILL' });
  const module = join(profile, 'user', 'basic', 'Standard', 'Module1.xba');
  if (!existsSync(module)) throw new Error(`LibreOffice made no Basic library in its new profile (${module})`);
  writeFileSync(module, MODULE);
  const input = join(dir, 'encrypted.xlsx');
  const output = join(dir, 'opened.csv');
  writeFileSync(input, bytes);
  spawnSync(
    soffice,
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--norestore',
      `macro:///Standard.Module1.OpenWith("${input}","${password}","${output}")`,
    ],
    { encoding: 'utf8', timeout: 180_000, killSignal: 'SIGKILL' },
  );
  return existsSync(output) ? readFileSync(output, 'utf8') : undefined;
}
