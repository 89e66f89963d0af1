#!/usr/bin/env node
/**
 * Renders the pictures in docs/calibration.md with LibreOffice: the example
 * team (examples/mit-devops-team.csv) written by the command line as a grid
 * and a calibration pack, then each chart and the talent grid printed on its
 * own (the print area set to the cells it covers, every other sheet hidden),
 * to PDF by soffice and to PNG by pdftoppm.
 *
 *   npm run build:cli && node scripts/calibration-pictures.js [out-dir]
 *
 * Needs soffice and pdftoppm on the PATH. Writes nothing but the PNGs.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const JSZip = require('jszip');

const root = path.join(__dirname, '..');
const outDir = path.resolve(process.argv[2] ?? path.join(root, 'docs', 'images'));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cm-pictures-'));

function run(command, args) {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) throw new Error(`${command} failed: ${r.stderr || r.stdout}`);
  return r.stdout;
}

const cli = (...args) => run(process.execPath, [path.join(root, 'bin', 'competency-matrix.js'), ...args]);

/** Column letters of a 0-based index. */
function letters(col) {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The cells a chart covers, from the sheet's drawing: "B17:Q36". */
async function chartArea(zip, sheetPart, chartName) {
  const rels = await zip.file(sheetPart.replace('worksheets/', 'worksheets/_rels/') + '.rels').async('string');
  const target = /Target="\.\.\/drawings\/([^"]+)"/.exec(rels)[1];
  const drawing = await zip.file(`xl/drawings/${target}`).async('string');
  for (const m of drawing.matchAll(/<xdr:twoCellAnchor\b[^>]*>([\s\S]*?)<\/xdr:twoCellAnchor>/g)) {
    if (!m[1].includes(`name="${chartName}"`)) continue;
    const at = (tag) => {
      const t = new RegExp(`<xdr:${tag}><xdr:col>(\\d+)</xdr:col>[\\s\\S]*?<xdr:row>(\\d+)</xdr:row>`).exec(m[1]);
      return { col: Number(t[1]), row: Number(t[2]) };
    };
    const from = at('from');
    const to = at('to');
    // A few columns and a row of margin: LibreOffice clips a chart at the print area's edge.
    return `${letters(from.col)}${from.row + 1}:${letters(to.col + 4)}${to.row + 1}`;
  }
  throw new Error(`no chart ${chartName}`);
}

/** A copy of the workbook that prints `area` of `sheet` alone, on one page. */
async function printOnly(bytes, sheet, area) {
  const zip = await JSZip.loadAsync(bytes);
  let book = await zip.file('xl/workbook.xml').async('string');
  const tags = [...book.matchAll(/<sheet\b[^>]*\/>/g)].map((m) => m[0]);
  const index = tags.findIndex((t) => t.includes(`name="${sheet}"`));
  for (const t of tags) {
    const bare = t.replace(/\sstate="[^"]*"/, '');
    book = book.replace(t, t.includes(`name="${sheet}"`) ? bare : bare.replace('<sheet ', '<sheet state="hidden" '));
  }
  book = book.replace(/<definedName name="_xlnm\.(Print_Area|Print_Titles)"[^>]*>[^<]*<\/definedName>/g, '');
  const quoted = `'${sheet.replace(/'/g, "''")}'`;
  const abs = area.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
  const name = `<definedName name="_xlnm.Print_Area" localSheetId="${index}">${quoted}!${abs}</definedName>`;
  book = book.includes('<definedNames>')
    ? book.replace('<definedNames>', `<definedNames>${name}`)
    : book.replace('</sheets>', `</sheets><definedNames>${name}</definedNames>`);
  book = book.replace(/activeTab="\d+"/, `activeTab="${index}"`).replace(/firstSheet="\d+"/, `firstSheet="${index}"`);
  zip.file('xl/workbook.xml', book);
  const rels = await zip.file('xl/_rels/workbook.xml.rels').async('string');
  const rid = /r:id="([^"]+)"/.exec(tags[index])[1];
  const part = `xl/${new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)[1]}`;
  let xml = await zip.file(part).async('string');
  xml = xml.replace(/<pageSetup\b[^>]*\/>/, '<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="1"/>');
  xml = /<sheetPr\b/.test(xml)
    ? xml
        .replace(/<sheetPr\b([^>]*?)\/>/, '<sheetPr$1><pageSetUpPr fitToPage="1"/></sheetPr>')
        .replace(/<sheetPr\b([^>]*?)>(?!<pageSetUpPr)/, '<sheetPr$1><pageSetUpPr fitToPage="1"/>')
    : xml.replace('<dimension', '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension');
  zip.file(part, xml);
  return { bytes: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }), part, zip };
}

async function main() {
  const csv = path.join(root, 'examples', 'mit-devops-team.csv');
  const team = path.join(work, 'team.xlsx');
  const pack = path.join(work, 'pack.xlsx');
  cli('workbook', '--framework', 'mit-devops', '--roster', csv, '--out', team);
  cli('calibration', '--grid', team, '--out', pack, '--cycle', '2026 H2');
  const pictures = [
    { file: team, sheet: 'Team grid', chart: 'competency-matrix: grid-coverage', out: 'chart-coverage.png', size: [1150, 500] },
    {
      file: pack,
      sheet: 'Calibration',
      chart: 'competency-matrix: calibration-distribution',
      out: 'chart-distribution.png',
      size: [1150, 560],
    },
    {
      file: pack,
      sheet: 'Calibration',
      chart: 'competency-matrix: calibration-rater-estimates',
      out: 'chart-rater-estimates.png',
      size: [1150, 420],
    },
    { file: pack, sheet: 'Talent grid', area: 'A1:I26', out: 'talent-grid.png', size: [1150, 440] },
    // The pick, the table under it and the radar beside it.
    { file: pack, sheet: 'Person view', area: 'A1:P24', out: 'person-view.png', size: [1200, 520] },
  ];
  const profile = path.join(work, 'profile');
  fs.mkdirSync(path.join(profile, 'user'), { recursive: true });
  fs.writeFileSync(
    path.join(profile, 'user', 'registrymodifications.xcu'),
    '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>\n',
  );
  fs.mkdirSync(outDir, { recursive: true });
  const files = [];
  for (const p of pictures) {
    const bytes = fs.readFileSync(p.file);
    let area = p.area;
    if (!area) {
      const { part, zip } = await printOnly(bytes, p.sheet, 'A1');
      area = await chartArea(zip, part, p.chart);
    }
    const { bytes: only } = await printOnly(bytes, p.sheet, area);
    const file = path.join(work, p.out.replace('.png', '.xlsx'));
    fs.writeFileSync(file, only);
    files.push({ file, out: p.out, size: p.size });
  }
  run('soffice', [
    `-env:UserInstallation=file://${profile}`,
    '--headless',
    '--norestore',
    '--convert-to',
    'pdf',
    '--outdir',
    work,
    ...files.map((f) => f.file),
  ]);
  for (const f of files) {
    const pdf = f.file.replace('.xlsx', '.pdf');
    // The page's content sits at its top left; cut the empty rest of the page away.
    const [w, h] = f.size;
    run('pdftoppm', [
      '-png',
      '-r',
      '110',
      '-singlefile',
      '-f',
      '1',
      '-l',
      '1',
      '-x',
      '60',
      '-y',
      '60',
      '-W',
      String(w),
      '-H',
      String(h),
      pdf,
      path.join(outDir, f.out.replace('.png', '')),
    ]);
    process.stdout.write(`wrote ${path.join(outDir, f.out)}\n`);
  }
  fs.rmSync(work, { recursive: true, force: true });
}

main().catch((e) => {
  process.stderr.write(`${e.message}\n`);
  process.exit(1);
});
