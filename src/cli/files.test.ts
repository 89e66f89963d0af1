import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { checkInputFile, osErrorMessage, writeOutputFile, type OsError } from './files';

async function folder(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'cm-files-'));
}

function osError(code: string, syscall: string, p: string): OsError {
  return Object.assign(new Error(`${code}: ${syscall} '${p}'`), { code, syscall, path: p });
}

describe('writing an output whole or not at all', () => {
  afterEach(() => jest.restoreAllMocks());

  it('leaves the old file and no temporary file when the last step fails (a full disk)', async () => {
    const dir = await folder();
    const target = path.join(dir, 'pack.xlsx');
    await fs.writeFile(target, 'the old pack');
    jest.spyOn(fs, 'rename').mockRejectedValueOnce(osError('ENOSPC', 'rename', target));
    await expect(writeOutputFile(target, 'the new pack')).rejects.toThrow(
      `cannot write ${target}: the disk is full; free some space and run the command again (nothing was written)`,
    );
    expect(await fs.readFile(target, 'utf8')).toBe('the old pack');
    expect(await fs.readdir(dir)).toEqual(['pack.xlsx']);
  });

  it('replaces a file in one step, keeping its permissions', async () => {
    const dir = await folder();
    const target = path.join(dir, 'team.xlsx');
    await fs.writeFile(target, 'old');
    await fs.chmod(target, 0o640);
    await writeOutputFile(target, 'new');
    expect(await fs.readFile(target, 'utf8')).toBe('new');
    expect((await fs.stat(target)).mode & 0o777).toBe(0o640);
    expect(await fs.readdir(dir)).toEqual(['team.xlsx']);
  });
});

describe('inputs and the file system’s refusals in a user’s words', () => {
  it('refuses a folder and a missing path before opening anything', async () => {
    const dir = await folder();
    await expect(checkInputFile(dir, 'roster file')).rejects.toThrow(`${dir}: is a folder, not a roster file; give the roster file itself`);
    await expect(checkInputFile(path.join(dir, 'nope.csv'), 'roster file')).rejects.toThrow('no such roster file; check the path');
  });

  it.each([
    ['EROFS', 'the file system is read-only'],
    ['EPERM', 'the operating system does not allow it'],
    ['EACCES', 'permission denied'],
    ['ENOSPC', 'the disk is full'],
    ['EISDIR', 'it is a folder'],
    ['ENOTDIR', 'a part of the path is a file, not a folder'],
  ])('%s when writing names the file and the cause', (code, cause) => {
    expect(osErrorMessage(osError(code, 'open', 'out/x.xlsx'), 'out/x.xlsx', 'write')).toMatch(
      new RegExp(`^cannot write out/x\\.xlsx: ${cause}`),
    );
  });
});
