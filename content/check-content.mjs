#!/usr/bin/env node
// Checks the shipped content: knowledge articles, document templates, survey
// instruments, the appraisal template and the capacity domains.
// Plain Node (20+), no dependencies. Exit code 1 and one line per problem when
// something is wrong; exit code 0 and a short summary otherwise.
//
// Usage: node content/check-content.mjs

import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const LANGS = ['en', 'fr'];
const CATEGORIES = ['guideline', 'template', 'good-practice'];
const FEATURES = [
  'registry', 'appraisal', 'capacity-assessment', 'consortium', 'agreement', 'action-plan',
  'budget', 'team', 'meetings', 'decisions', 'interactions', 'learning', 'authenticity',
  'surveys', 'networks', 'statements', 'reputation', 'strategy', 'portfolio', 'iati',
];
const REQUIRED_FRONT_MATTER = ['title', 'category', 'summary', 'tags', 'features'];
const KINDS = ['health-check', 'dyadic', 'pulse', 'allegiance'];
const ITEM_COUNT = {
  'health-check': [20, 28],
  dyadic: [6, 6],
  pulse: [6, 8],
  allegiance: [6, 10],
};
const MIN_ARTICLES = 12;
const WORDS = [500, 1000];

const errors = [];
const summary = [];
const fail = (where, message) => errors.push(`${where}: ${message}`);

const listFiles = (dir, ext) =>
  existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(ext)).sort() : [];

const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    fail(rel(file), `not valid JSON (${e.message})`);
    return null;
  }
};

const rel = (file) => file.slice(root.length + 1).replaceAll('\\', '/');
const isNonEmptyString = (v) => typeof v === 'string' && v.trim().length > 0;

// A bilingual text: an object with a non-empty string for every language.
function checkI18n(where, value) {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    fail(where, 'must be an object with "en" and "fr" text');
    return;
  }
  for (const lang of LANGS) {
    if (!isNonEmptyString(value[lang])) fail(where, `missing or empty "${lang}" text`);
  }
}

// ---------------------------------------------------------------------------
// Front matter: a small YAML subset, enough for our articles.
//   key: value            (string, optionally quoted)
//   key: [a, b, c]        (inline list)
//   key:                  (block list follows)
//     - a
// ---------------------------------------------------------------------------
function unquote(s) {
  const t = s.trim();
  if ((t.startsWith('"') && t.endsWith('"')) || (t.startsWith("'") && t.endsWith("'"))) {
    return t.slice(1, -1);
  }
  return t;
}

function parseFrontMatter(text, where) {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!m) {
    fail(where, 'no YAML front matter (a block between two "---" lines at the top)');
    return null;
  }
  const data = {};
  let listKey = null;
  for (const [i, raw] of m[1].split(/\r?\n/).entries()) {
    if (!raw.trim() || raw.trim().startsWith('#')) continue;
    const item = /^\s+-\s+(.*)$/.exec(raw);
    if (item && listKey) {
      data[listKey].push(unquote(item[1]));
      continue;
    }
    const kv = /^([A-Za-z_][\w-]*):\s*(.*)$/.exec(raw);
    if (!kv) {
      fail(where, `front matter line ${i + 2} not understood: ${raw}`);
      continue;
    }
    const [, key, value] = kv;
    if (key in data) fail(where, `front matter key "${key}" appears twice`);
    if (value === '') {
      data[key] = [];
      listKey = key;
    } else if (value.startsWith('[')) {
      if (!value.endsWith(']')) fail(where, `front matter list "${key}" is not closed`);
      data[key] = value
        .replace(/^\[|\]$/g, '')
        .split(',')
        .map(unquote)
        .filter((s) => s.length > 0);
      listKey = null;
    } else {
      data[key] = unquote(value);
      listKey = null;
    }
  }
  return { data, body: m[2] };
}

const wordCount = (markdown) =>
  markdown
    .replace(/`[^`]*`/g, ' x ')
    .replace(/[#>*_|\-]+/g, ' ')
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

// ---------------------------------------------------------------------------
// Knowledge articles
// ---------------------------------------------------------------------------
function checkArticles() {
  const dirs = Object.fromEntries(LANGS.map((l) => [l, join(root, 'knowledge', l)]));
  const files = Object.fromEntries(LANGS.map((l) => [l, listFiles(dirs[l], '.md')]));
  const all = new Set(LANGS.flatMap((l) => files[l]));
  for (const name of all) {
    for (const lang of LANGS) {
      if (!files[lang].includes(name)) fail(`knowledge/${lang}/${name}`, 'missing (exists in another language)');
    }
  }
  const complete = [...all].filter((n) => LANGS.every((l) => files[l].includes(n)));
  if (complete.length < MIN_ARTICLES) {
    fail('knowledge', `${complete.length} articles in both languages; at least ${MIN_ARTICLES} expected`);
  }
  for (const name of all) {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*\.md$/.test(name)) fail(`knowledge/*/${name}`, 'slug must be lower-case words joined by hyphens');
    const parsed = {};
    for (const lang of LANGS) {
      if (!files[lang].includes(name)) continue;
      const where = `knowledge/${lang}/${name}`;
      const fm = parseFrontMatter(readFileSync(join(dirs[lang], name), 'utf8'), where);
      if (!fm) continue;
      parsed[lang] = fm;
      const d = fm.data;
      for (const key of REQUIRED_FRONT_MATTER) {
        if (!(key in d)) fail(where, `front matter lacks "${key}"`);
      }
      for (const key of ['title', 'summary', 'category']) {
        if (key in d && !isNonEmptyString(d[key])) fail(where, `"${key}" must be non-empty text`);
      }
      if (d.category && !CATEGORIES.includes(d.category)) {
        fail(where, `category "${d.category}" is not one of ${CATEGORIES.join(', ')}`);
      }
      for (const key of ['tags', 'features']) {
        if (key in d && (!Array.isArray(d[key]) || d[key].length === 0)) fail(where, `"${key}" must be a non-empty list`);
      }
      for (const f of Array.isArray(d.features) ? d.features : []) {
        if (!FEATURES.includes(f)) fail(where, `unknown feature "${f}"`);
      }
      if (!fm.body.trim()) fail(where, 'empty body');
      if (lang === 'en') {
        const n = wordCount(fm.body);
        if (n < WORDS[0] || n > WORDS[1]) fail(where, `${n} words; ${WORDS[0]}-${WORDS[1]} expected`);
      }
    }
    if (parsed.en && parsed.fr) {
      const a = Object.keys(parsed.en.data).sort().join(',');
      const b = Object.keys(parsed.fr.data).sort().join(',');
      if (a !== b) fail(`knowledge/*/${name}`, `front-matter keys differ: en [${a}] fr [${b}]`);
      for (const key of ['category']) {
        if (parsed.en.data[key] !== parsed.fr.data[key]) fail(`knowledge/*/${name}`, `"${key}" differs between en and fr`);
      }
      const fe = [...(parsed.en.data.features ?? [])].sort().join(',');
      const ff = [...(parsed.fr.data.features ?? [])].sort().join(',');
      if (fe !== ff) fail(`knowledge/*/${name}`, 'features differ between en and fr');
    }
  }
  summary.push(`${complete.length} articles in ${LANGS.join(' and ')}`);
}

// ---------------------------------------------------------------------------
// Document templates: same files in both languages, same placeholders.
// ---------------------------------------------------------------------------
function checkTemplates() {
  const files = Object.fromEntries(LANGS.map((l) => [l, listFiles(join(root, 'templates', l), '.md')]));
  const all = new Set(LANGS.flatMap((l) => files[l]));
  if (all.size === 0) fail('templates', 'no templates found');
  for (const name of all) {
    const placeholders = {};
    for (const lang of LANGS) {
      const where = `templates/${lang}/${name}`;
      if (!files[lang].includes(name)) {
        fail(where, 'missing (exists in another language)');
        continue;
      }
      const text = readFileSync(join(root, 'templates', lang, name), 'utf8');
      const found = [...text.matchAll(/\{\{\s*([^{}]*?)\s*\}\}/g)].map((m) => m[1]);
      for (const p of found) {
        if (!/^[a-z][a-z0-9_]*$/.test(p)) fail(where, `placeholder {{${p}}} must be lower_snake_case`);
      }
      if ((text.match(/\{\{/g) ?? []).length !== (text.match(/\}\}/g) ?? []).length) {
        fail(where, 'unbalanced {{ }} braces');
      }
      if (found.length === 0) fail(where, 'no {{placeholders}}');
      placeholders[lang] = new Set(found);
    }
    if (placeholders.en && placeholders.fr) {
      const onlyEn = [...placeholders.en].filter((p) => !placeholders.fr.has(p));
      const onlyFr = [...placeholders.fr].filter((p) => !placeholders.en.has(p));
      if (onlyEn.length) fail(`templates/fr/${name}`, `lacks placeholders ${onlyEn.map((p) => `{{${p}}}`).join(', ')}`);
      if (onlyFr.length) fail(`templates/en/${name}`, `lacks placeholders ${onlyFr.map((p) => `{{${p}}}`).join(', ')}`);
    }
  }
  summary.push(`${all.size} templates`);
}

// ---------------------------------------------------------------------------
// Survey instruments
// ---------------------------------------------------------------------------
function checkInstruments() {
  const dir = join(root, 'instruments');
  const files = listFiles(dir, '.json');
  if (files.length === 0) fail('instruments', 'no instruments found');
  const keys = new Set();
  const counts = [];
  for (const name of files) {
    const where = `instruments/${name}`;
    const ins = readJson(join(dir, name));
    if (!ins) continue;
    if (!isNonEmptyString(ins.key)) fail(where, '"key" missing');
    else if (keys.has(ins.key)) fail(where, `duplicate instrument key "${ins.key}"`);
    else keys.add(ins.key);
    if (!Number.isInteger(ins.version) || ins.version < 1) fail(where, '"version" must be a positive integer');
    checkI18n(`${where} title`, ins.title);
    checkI18n(`${where} description`, ins.description);
    if (!Array.isArray(ins.frameworks) || ins.frameworks.length === 0 || !ins.frameworks.every(isNonEmptyString)) {
      fail(where, '"frameworks" must be a non-empty list of citations');
    }
    if (!KINDS.includes(ins.kind)) fail(where, `"kind" must be one of ${KINDS.join(', ')}`);
    if (ins.kind === 'dyadic' && ins.perTarget !== true) fail(where, 'a dyadic instrument must have "perTarget": true');

    const scales = ins.scales && typeof ins.scales === 'object' ? ins.scales : {};
    if (Object.keys(scales).length === 0) fail(where, '"scales" must define at least one scale');
    for (const [sk, sc] of Object.entries(scales)) {
      const sw = `${where} scale "${sk}"`;
      const values = sc?.values;
      if (!Array.isArray(values) || values.length < 2 || !values.every(Number.isInteger)) {
        fail(sw, '"values" must be a list of at least two integers');
        continue;
      }
      if (new Set(values).size !== values.length) fail(sw, 'values repeat');
      for (let i = 1; i < values.length; i++) {
        if (values[i] <= values[i - 1]) fail(sw, 'values must be in increasing order');
      }
      for (const lang of LANGS) {
        const labels = sc.labels?.[lang];
        if (!Array.isArray(labels) || labels.length !== values.length || !labels.every(isNonEmptyString)) {
          fail(sw, `"labels.${lang}" must hold one label per value (${values.length})`);
        }
      }
    }

    const items = Array.isArray(ins.items) ? ins.items : [];
    if (items.length === 0) fail(where, '"items" must be a non-empty list');
    const itemKeys = new Set();
    for (const [i, it] of items.entries()) {
      const iw = `${where} item ${i + 1}${it?.key ? ` "${it.key}"` : ''}`;
      if (!isNonEmptyString(it?.key)) fail(iw, '"key" missing');
      else if (itemKeys.has(it.key)) fail(iw, 'duplicate item key');
      else itemKeys.add(it.key);
      if (!isNonEmptyString(it?.dimension)) fail(iw, '"dimension" missing');
      if (!isNonEmptyString(it?.scale)) fail(iw, '"scale" missing');
      else if (!(it.scale in scales)) fail(iw, `refers to unknown scale "${it.scale}"`);
      if (typeof it?.reverse !== 'boolean') fail(iw, '"reverse" must be true or false');
      checkI18n(`${iw} text`, it?.text);
    }
    const range = ITEM_COUNT[ins.kind];
    if (range && (items.length < range[0] || items.length > range[1])) {
      fail(where, `${items.length} items; a ${ins.kind} instrument should have ${range[0]}-${range[1]}`);
    }
    if (ins.kind === 'health-check' && !items.some((it) => it.reverse === true)) {
      fail(where, 'a health check should include some reverse-scored items');
    }
    if (!ins.comments || ins.comments.enabled !== true) fail(where, '"comments.enabled" must be true');
    else checkI18n(`${where} comments prompt`, ins.comments.prompt);
    counts.push(`${ins.key ?? name} ${items.length}`);
  }
  summary.push(`${files.length} instruments (items: ${counts.join(', ')})`);
}

// ---------------------------------------------------------------------------
// Appraisal template and capacity domains
// ---------------------------------------------------------------------------
function checkAppraisal() {
  const file = join(root, 'appraisal', 'default-template.json');
  const where = 'appraisal/default-template.json';
  if (!existsSync(file)) {
    fail(where, 'missing');
    return;
  }
  const t = readJson(file);
  if (!t) return;
  if (!isNonEmptyString(t.key)) fail(where, '"key" missing');
  checkI18n(`${where} title`, t.title);
  const s = t.scale ?? {};
  if (!Number.isInteger(s.min) || !Number.isInteger(s.max) || s.max <= s.min) {
    fail(where, '"scale.min" and "scale.max" must be integers with max > min');
  } else {
    for (const lang of LANGS) {
      const labels = s.labels?.[lang];
      if (!Array.isArray(labels) || labels.length !== s.max - s.min + 1 || !labels.every(isNonEmptyString)) {
        fail(where, `"scale.labels.${lang}" must hold ${s.max - s.min + 1} labels`);
      }
    }
  }
  const groups = Array.isArray(t.groups) ? t.groups : [];
  if (groups.length === 0) fail(where, '"groups" must be a non-empty list');
  const keys = new Set();
  let total = 0;
  let criteria = 0;
  for (const g of groups) {
    const gw = `${where} group "${g?.key ?? '?'}"`;
    if (!isNonEmptyString(g?.key)) fail(gw, '"key" missing');
    checkI18n(`${gw} title`, g?.title);
    const list = Array.isArray(g?.criteria) ? g.criteria : [];
    if (list.length === 0) fail(gw, 'no criteria');
    for (const c of list) {
      const cw = `${gw} criterion "${c?.key ?? '?'}"`;
      criteria++;
      if (!isNonEmptyString(c?.key)) fail(cw, '"key" missing');
      else if (keys.has(c.key)) fail(cw, 'duplicate criterion key');
      else keys.add(c.key);
      checkI18n(`${cw} title`, c?.title);
      checkI18n(`${cw} guidance`, c?.guidance);
      if (typeof c?.weight !== 'number' || !Number.isFinite(c.weight) || c.weight <= 0) {
        fail(cw, '"weight" must be a positive number');
      } else total += c.weight;
    }
  }
  if (Math.abs(total - 100) > 1e-9) fail(where, `weights sum to ${total}, not 100`);
  summary.push(`appraisal template: ${groups.length} groups, ${criteria} criteria, weights ${total}`);
}

function checkCapacity() {
  const file = join(root, 'appraisal', 'capacity-domains.json');
  const where = 'appraisal/capacity-domains.json';
  if (!existsSync(file)) {
    fail(where, 'missing');
    return;
  }
  const c = readJson(file);
  if (!c) return;
  const expected = ['governance', 'management', 'finance', 'programme-quality', 'monitoring-learning', 'gender-inclusion', 'partnering'];
  const sc = c.scale ?? {};
  const values = sc.values;
  if (!Array.isArray(values) || values.join(',') !== '1,2,3,4') fail(where, '"scale.values" must be [1,2,3,4]');
  for (const lang of LANGS) {
    if (!Array.isArray(sc.labels?.[lang]) || sc.labels[lang].length !== 4) fail(where, `"scale.labels.${lang}" must hold 4 labels`);
  }
  const domains = Array.isArray(c.domains) ? c.domains : [];
  const dkeys = domains.map((d) => d?.key);
  for (const k of expected) if (!dkeys.includes(k)) fail(where, `domain "${k}" missing`);
  const ikeys = new Set();
  let n = 0;
  for (const d of domains) {
    const dw = `${where} domain "${d?.key ?? '?'}"`;
    checkI18n(`${dw} title`, d?.title);
    const levels = d?.levels;
    if (!Array.isArray(levels) || levels.length !== 4) {
      fail(dw, '"levels" must describe the 4 levels of the scale for this domain');
    } else {
      levels.forEach((lv, i) => {
        if (lv?.value !== i + 1) fail(dw, `level ${i + 1} must have "value": ${i + 1}`);
        checkI18n(`${dw} level ${i + 1}`, lv?.text);
      });
    }
    const inds = Array.isArray(d?.indicators) ? d.indicators : [];
    if (inds.length < 4 || inds.length > 6) fail(dw, `${inds.length} indicators; 4-6 expected`);
    for (const ind of inds) {
      const iw = `${dw} indicator "${ind?.key ?? '?'}"`;
      n++;
      if (!isNonEmptyString(ind?.key)) fail(iw, '"key" missing');
      else if (ikeys.has(ind.key)) fail(iw, 'duplicate indicator key');
      else ikeys.add(ind.key);
      checkI18n(`${iw} text`, ind?.text);
    }
  }
  summary.push(`capacity domains: ${domains.length} domains, ${n} indicators`);
}

checkArticles();
checkTemplates();
checkInstruments();
checkAppraisal();
checkCapacity();
if (!existsSync(join(root, 'README.md'))) fail('README.md', 'missing');

if (errors.length) {
  for (const e of errors) console.error(`✗ ${e}`);
  console.error(`\n${errors.length} problem(s) found.`);
  process.exit(1);
}
for (const s of summary) console.log(`✓ ${s}`);
console.log('Content is consistent.');
