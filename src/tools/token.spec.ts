import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/**
 * `npm run token` must answer at once: the walk-through gets three tokens in a row. Loading
 * Nest, the JOSE library or the configuration's validators costs more than the rest of the
 * tool, so its import graph is held to node's own modules and a few files of the project.
 */
describe('the token tool', () => {
  function importGraph(entry: string): { files: string[]; packages: string[] } {
    const files = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string) => {
      if (files.has(file)) return;
      files.add(file);
      const source = readFileSync(file, 'utf8');
      for (const [, specifier] of source.matchAll(/^(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm)) {
        if (specifier.startsWith('.')) visit(join(dirname(file), specifier.replace(/\.js$/, '.ts')));
        else packages.add(specifier);
      }
    };
    visit(entry);
    return { files: [...files].map((file) => relative(process.cwd(), file)), packages: [...packages] };
  }

  it('imports nothing but node built-ins and a few light files of its own', () => {
    const graph = importGraph(join(process.cwd(), 'src/tools/token.ts'));
    expect(graph.packages.filter((name) => !name.startsWith('node:'))).toEqual([]);
    expect(graph.files.sort()).toEqual([
      'src/core/config/deployment-environment.ts',
      'src/modules/auth/hs256-token.ts',
      'src/modules/auth/principal.ts',
      'src/tools/token.ts',
    ]);
  });

  it('is not rebuilt on every run: npm run token builds only when the tool is missing from dist', () => {
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.token).toMatch(/^\(\[ -f dist\/src\/tools\/token\.js \] \|\| npm run -s build\) && /);
    expect(scripts.token).toContain('NODE_ENV=${NODE_ENV:-development} node dist/src/tools/token.js');
    expect(scripts.start).toContain('NODE_ENV=${NODE_ENV:-development} node dist/src/main.js');
    expect(scripts['start:prod']).toBe('node dist/src/main.js');
  });
});
