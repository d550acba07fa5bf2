import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { allowedFrom, APPLICATION_EVENTS, type ApplicationEvent, targetOf } from '../../src/modules/applications/application-lifecycle.js';
import { APPLICATION_STATUSES } from '../../src/modules/applications/entities/application.entity.js';

/**
 * ARCHITECTURE.md stays true: the folders, tables, owners, statuses, events, transitions and
 * names it gives exist in the code as it says. A rename in the code fails this until the page
 * follows.
 */
const ROOT = join(__dirname, '..', '..');
const doc = readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}
const sources = sourceFiles(join(ROOT, 'src')).map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }));

/** The text of the section under `## title`, up to the next one. */
function section(title: string): string {
  const start = doc.indexOf(`## ${title}`);
  if (start < 0) throw new Error(`ARCHITECTURE.md has no section "${title}"`);
  const end = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, end < 0 ? undefined : end);
}

/** The cells of a section's table rows, header and rule left out. */
function rows(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line))
    .slice(1)
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
}

const quoted = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((match) => match[1]);

/** Tables as the code declares them: name → the file of its entity. */
const tables = new Map(
  sources.flatMap(({ path, text }) => [...text.matchAll(/@Entity\('([a-z_]+)'\)/g)].map((match) => [match[1], path] as const)),
);

describe('ARCHITECTURE.md', () => {
  it('names folders and files that exist', () => {
    const paths = quoted(doc).filter((name) => /^(src|test)\//.test(name));
    expect(paths.length).toBeGreaterThan(10);
    expect(paths.filter((path) => !existsSync(join(ROOT, path)))).toEqual([]);
  });

  it('lists every feature module folder', () => {
    const folders = readdirSync(join(ROOT, 'src/modules'));
    expect(folders.filter((folder) => !doc.includes(`src/modules/${folder}/`))).toEqual([]);
  });

  it('gives every table, and only those, with the module whose folder holds its entity', () => {
    const owned = rows(section('Who owns which table')).map(([table, owner]) => [table.replaceAll('`', ''), owner] as const);
    expect(owned.map(([table]) => table).sort()).toEqual([...tables.keys()].sort());
    for (const [table, owner] of owned) expect(`${table}: ${tables.get(table)}`).toMatch(new RegExp(`^${table}: src/modules/${owner}/`));
  });

  it('names every status and every event of the life cycle, and nothing else in capitals', () => {
    const names = quoted(section("The application's life cycle")).filter((name) => /^[A-Z_]+$/.test(name));
    expect([...new Set(names)].sort()).toEqual([...APPLICATION_STATUSES, ...APPLICATION_EVENTS].sort());
  });

  it('gives each event the transitions the state machine allows', () => {
    const table = rows(section("The application's life cycle")).filter(([event]) => event.startsWith('`'));
    const documented = table.map(([event, from, to]) => ({
      event: quoted(event)[0] as ApplicationEvent,
      from: quoted(from).sort(),
      to: quoted(to)[0],
    }));
    expect(documented).toEqual(APPLICATION_EVENTS.map((event) => ({ event, from: [...allowedFrom(event)].sort(), to: targetOf(event) })));
  });

  it('names classes, queues and jobs that the code declares', () => {
    const identifiers = [...new Set(quoted(doc).filter((name) => /^[A-Z][a-z][A-Za-z]*$/.test(name)))];
    const declared = (name: string) =>
      sources.some(({ text }) => new RegExp(`\\b(class|enum|interface|type) ${name}\\b|\\b${name} = '${name}'`).test(text));
    expect(identifiers.length).toBeGreaterThan(20);
    expect(identifiers.filter((name) => !declared(name))).toEqual([]);
  });

  it('names methods that exist on the classes it gives for them', () => {
    for (const [, , calls] of rows(section('Who owns which table'))) {
      const owner = quoted(calls)[0]?.split('.')[0];
      if (!owner || !/^[A-Z]/.test(owner)) continue;
      const file = sources.find(({ text }) => new RegExp(`\\bclass ${owner}\\b`).test(text));
      const methods = quoted(calls).flatMap((name) => (name.includes('.') ? [name.split('.')[1]] : /^[a-z]/.test(name) ? [name] : []));
      expect({ owner, missing: methods.filter((method) => !new RegExp(`\\n\\s+(async )?${method}[(<]`).test(file?.text ?? '')) }).toEqual({
        owner,
        missing: [],
      });
    }
  });
});

describe('the layers', () => {
  it('keeps core free of modules: nothing under src/core imports from src/modules', () => {
    const offending = sources
      .filter(({ path }) => path.startsWith('src/core/'))
      .flatMap(({ path, text }) =>
        [...text.matchAll(/from '([^']+)'/g)].filter(([, from]) => from.includes('/modules/')).map(([, from]) => `${path}: ${from}`),
      );
    expect(offending).toEqual([]);
  });
});
