/** Bundles the recording Excel fake (tests/fakes/excelFake.ts) for a browser, once per run, with webpack. */
import fs from 'fs';
import path from 'path';
import webpack from 'webpack';
import { OUTPUT, REPO } from './productionBuild';

let bundle: Promise<string> | undefined;

export function fakeHostBundle(): Promise<string> {
  bundle ??= new Promise<string>((resolve, reject) => {
    const outDir = path.join(OUTPUT, 'fake-host', String(process.pid));
    webpack(
      {
        mode: 'development',
        devtool: false,
        target: 'web',
        context: REPO,
        entry: path.join(__dirname, '../fakeHost/fakeHostEntry.ts'),
        output: { path: outDir, filename: 'fakeHost.js', iife: true },
        resolve: { extensions: ['.ts', '.js'] },
        module: {
          rules: [
            {
              test: /\.ts$/,
              exclude: /node_modules/,
              use: {
                loader: 'ts-loader',
                options: { transpileOnly: true, configFile: path.join(REPO, 'tsconfig.json'), compilerOptions: { module: 'es2020' } },
              },
            },
          ],
        },
      },
      (err, stats) => {
        if (err || stats?.hasErrors()) {
          reject(err ?? new Error(stats?.toString('errors-only')));
          return;
        }
        const code = fs.readFileSync(path.join(outDir, 'fakeHost.js'), 'utf8');
        fs.rmSync(outDir, { recursive: true, force: true });
        resolve(code);
      },
    );
  });
  return bundle;
}
