#!/usr/bin/env node
// npm start: an https dev server on https://localhost:3000 with certificates from
// office-addin-dev-certs, and how to sideload the add-in into Excel.
const { spawn } = require('child_process');
const path = require('path');

const manifest = path.resolve(__dirname, '..', 'manifest.xml');
console.log(`
Competency Matrix dev server: https://localhost:3000/taskpane.html
(certificates come from office-addin-dev-certs in ~/.office-addin-dev-certs; trust its CA once:
 npx office-addin-dev-certs install)

Sideload the add-in (manifest: ${manifest}):
  Windows or macOS desktop Excel:
    npx office-addin-debugging start manifest.xml desktop
    (or, on Windows, share a folder holding manifest.xml as a trusted add-in catalog:
     File > Options > Trust Center > Trusted Add-in Catalogs; then Insert > My Add-ins > Shared Folder;
     on macOS copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ and restart Excel)
  Excel on the web:
    Open a workbook, Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in, choose manifest.xml.
Then Home > Competency Matrix opens the task pane; =COMPETENCY.LEVELGAP("A","I","mit-devops") checks the functions.
`);

const child = spawn(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), 'serve', '--mode', 'development'], {
  stdio: 'inherit',
  cwd: path.resolve(__dirname, '..'),
});
child.on('exit', (code) => process.exit(code ?? 0));
