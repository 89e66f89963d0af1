// The offline manifest check: well-formed XML, every resid defined, https URLs,
// the COMPETENCY namespace, and the functions script/metadata URLs matching files
// the build wrote. The online validator cannot be reached from every machine, so
// this is the check that gates the build.
const fs = require('fs');
const path = require('path');
const { XMLParser, XMLValidator } = require('fast-xml-parser');

const NAMESPACE = 'COMPETENCY';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Walks the parsed tree, calling visit(node, tagName, pathOfTags) for every element. */
function walk(node, name, trail, visit) {
  if (Array.isArray(node)) {
    node.forEach((n) => walk(n, name, trail, visit));
    return;
  }
  if (node === null || typeof node !== 'object') return;
  visit(node, name, trail);
  for (const [k, v] of Object.entries(node)) {
    if (k.startsWith('@_') || k === '#text') continue;
    walk(v, k, [...trail, k], visit);
  }
}

/**
 * @param {string} xml the manifest text
 * @param {{ distDir?: string | null }} options distDir: the build output to match URLs against (null skips that check)
 * @returns {{ errors: string[], warnings: string[] }}
 */
function checkManifest(xml, options = {}) {
  const errors = [];
  const warnings = [];
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) {
    const e = wellFormed.err;
    return { errors: [`not well-formed XML: ${e.msg} (line ${e.line}, column ${e.col})`], warnings };
  }
  const doc = new XMLParser({
    ignoreAttributes: false,
    removeNSPrefix: true,
    isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
  }).parse(xml);
  const app = doc.OfficeApp && doc.OfficeApp[0];
  if (!app) return { errors: ['the root element must be <OfficeApp>'], warnings };

  const id = app.Id && app.Id[0];
  if (!id || !GUID.test(String(id).trim())) errors.push('<Id> must be a GUID');
  const version = app.Version && app.Version[0];
  if (!version || !/^\d+(\.\d+){0,3}$/.test(String(version).trim())) errors.push('<Version> must look like 1.0.0.0');

  // Resources: id -> { kind, value }
  const resources = new Map();
  const refs = [];
  const urls = [];
  walk(app, 'OfficeApp', [], (node, name, trail) => {
    const inResources = trail.includes('Resources');
    if (inResources && node['@_id'] !== undefined && ['Image', 'Url', 'String'].includes(name)) {
      const rid = node['@_id'];
      if (resources.has(rid)) errors.push(`resource id "${rid}" is defined twice`);
      resources.set(rid, { kind: trail[trail.length - 2], value: node['@_DefaultValue'] });
      if (name === 'String' && trail.includes('ShortStrings') && String(node['@_DefaultValue'] ?? '').length > 125) {
        errors.push(`short string "${rid}" is longer than 125 characters`);
      }
      if (name === 'String' && trail.includes('LongStrings') && String(node['@_DefaultValue'] ?? '').length > 250) {
        errors.push(`long string "${rid}" is longer than 250 characters`);
      }
      if (name !== 'String') urls.push({ where: `resource ${rid}`, url: node['@_DefaultValue'] });
    }
    if (node['@_resid'] !== undefined) refs.push({ resid: node['@_resid'], element: name });
    if (!inResources && ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation'].includes(name) && node['@_DefaultValue']) {
      urls.push({ where: `<${name}>`, url: node['@_DefaultValue'] });
    }
  });
  for (const domains of app.AppDomains ?? []) {
    for (const d of domains.AppDomain ?? []) urls.push({ where: '<AppDomain>', url: typeof d === 'object' ? d['#text'] : d });
  }
  for (const { resid, element } of refs) {
    if (!resources.has(resid)) errors.push(`<${element} resid="${resid}"> refers to a resource that is not defined under <Resources>`);
    if (String(resid).length > 32) errors.push(`resid "${resid}" is longer than 32 characters`);
  }
  for (const { where, url } of urls) {
    if (!/^https:\/\//i.test(String(url))) errors.push(`${where}: URL must use https, got "${url}"`);
  }

  // Custom functions: namespace, script and metadata.
  let cf;
  walk(app, 'OfficeApp', [], (node, name) => {
    if (name === 'ExtensionPoint' && node['@_type'] === 'CustomFunctions') cf = node;
  });
  if (!cf) {
    errors.push('no <ExtensionPoint xsi:type="CustomFunctions">: the worksheet functions would not load');
  } else {
    const nsId = cf.Namespace && cf.Namespace[0] && cf.Namespace[0]['@_resid'];
    const ns = resources.get(nsId);
    if (!nsId) errors.push('custom functions have no <Namespace resid="...">');
    else if (ns && ns.value !== NAMESPACE) errors.push(`custom-functions namespace is "${ns.value}", expected "${NAMESPACE}"`);
    const fileOf = (element) => {
      const rid = cf[element] && cf[element][0].SourceLocation && cf[element][0].SourceLocation[0]['@_resid'];
      const res = rid && resources.get(rid);
      return res && res.value ? { rid, url: res.value } : undefined;
    };
    const script = fileOf('Script');
    const metadata = fileOf('Metadata');
    const page = fileOf('Page');
    if (!script) errors.push('custom functions have no script URL');
    if (!metadata) errors.push('custom functions have no metadata URL');
    if (metadata && !/functions\.json$/.test(new URL(metadata.url).pathname)) {
      errors.push(`custom-functions metadata URL should point at functions.json, got ${metadata.url}`);
    }
    if (options.distDir) {
      for (const entry of [script, metadata, page].filter(Boolean)) {
        const file = path.join(options.distDir, new URL(entry.url).pathname);
        if (!fs.existsSync(file))
          errors.push(`${entry.rid} points at ${new URL(entry.url).pathname}, which the build did not write (looked for ${file})`);
      }
      const metaFile = metadata && path.join(options.distDir, new URL(metadata.url).pathname);
      if (metaFile && fs.existsSync(metaFile)) {
        try {
          const fns = JSON.parse(fs.readFileSync(metaFile, 'utf8')).functions;
          if (!Array.isArray(fns) || fns.length === 0) errors.push(`${metaFile} lists no functions`);
        } catch (e) {
          errors.push(`${metaFile} is not valid JSON: ${e.message}`);
        }
      }
    }
  }
  const runtimes = [];
  walk(app, 'OfficeApp', [], (node, name) => {
    if (name === 'Runtime') runtimes.push(node);
  });
  if (!runtimes.some((r) => r['@_lifetime'] === 'long')) warnings.push('no shared runtime (<Runtime lifetime="long">)');
  return { errors, warnings };
}

module.exports = { checkManifest };
