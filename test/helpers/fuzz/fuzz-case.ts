/**
 * One fuzz case from a seed and an index, and nothing else: the module's text, its file name and
 * whether webpack asks for a source map. The same seed and index give the same case on any machine.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { bom, deepNesting, huge, lineTerminators, oddWhitespace } from './decorate';
import { writeModule, type ModuleKind } from './module-kinds';
import { mutate } from './mutate';
import { Random } from './prng';

export const FUZZ_ROOT = '/fuzz/app';

export interface FuzzCase {
  seed: number;
  index: number;
  /** How the case was made, for the failure message. */
  recipe: string[];
  resourcePath: string;
  source: string;
  /** webpack's `this.sourceMap`. */
  sourceMap: boolean;
  /** The map a previous loader handed on. */
  inputMap?: object;
}

/** The valid modules of the golden transform cases (test/transform/cases/<case>/input.*): seeds for mutation. */
let corpus: { name: string; extension: string; source: string }[] | undefined;

function goldenInputs(): NonNullable<typeof corpus> {
  if (corpus) return corpus;
  const dir = path.join(__dirname, '..', '..', 'transform', 'cases');
  corpus = readdirSync(dir)
    .sort()
    .flatMap((name) =>
      readdirSync(path.join(dir, name))
        .filter((file) => /^input\.(js|jsx|ts|tsx)$/.test(file))
        .map((file) => ({ name, extension: path.extname(file), source: readFileSync(path.join(dir, name, file), 'utf8') })),
    );
  return corpus;
}

const KINDS: (readonly [number, ModuleKind])[] = [
  [25, 'use-server'],
  [25, 'inline'],
  [8, 'use-server-inline'],
  [17, 'use-client'],
  [4, 'commonjs'],
  [13, 'odd-directives'],
  [4, 'soup'],
];

const EXTENSIONS: (readonly [number, string])[] = [[62, '.js'], [16, '.jsx'], [8, '.mjs'], [4, '.cjs'], [5, '.ts'], [5, '.tsx']];

const DIRECTORIES = ['src', 'src/ü dir', `src/"quotes" and 'quotes'`, 'app/(group)/[id]', 'node_modules/pkg/dist', 'a b/*/c', 'ダ/𝒜', '../outside-root'];
const BASENAMES = ['actions', 'page', 'Note.server', 'index', 'a.b.c', '*', 'x\u2028y'];

/** A source map that maps every line to itself, as a loader that changed nothing would hand on. */
function identityMap(resourcePath: string, source: string): object {
  const lines = source.split(/\r\n|[\n\r\u2028\u2029]/).length;
  return { version: 3, sources: [resourcePath], sourcesContent: [source], names: [], mappings: `AAAA${';AACA'.repeat(lines - 1)}` };
}

export function fuzzCase(seed: number, index: number): FuzzCase {
  const rng = Random.forCase(seed, index);
  const recipe: string[] = [];
  let extension = rng.weighted(EXTENSIONS);
  let source: string;
  const origin = rng.weighted<string>([[70, 'write'], [20, 'mutate-golden'], [10, 'mutate-written']]);
  if (origin === 'mutate-golden') {
    const seedModule = rng.pick(goldenInputs());
    extension = seedModule.extension;
    source = mutate(rng, seedModule.source);
    recipe.push(`mutated golden input ${seedModule.name}`);
  } else {
    const kind = rng.weighted(KINDS);
    source = writeModule(rng, kind, extension !== '.ts');
    recipe.push(`${kind} module`);
    if (origin === 'mutate-written') {
      source = mutate(rng, source);
      recipe.push('mutated');
    }
  }
  if (rng.chance(0.08)) {
    const deep = deepNesting(rng, source);
    source = deep.source;
    recipe.push(`${deep.shape} nested ${deep.depth} deep`);
  }
  if (rng.chance(0.08)) {
    source = oddWhitespace(rng, source);
    recipe.push('odd whitespace');
  }
  if (rng.chance(0.08)) {
    source = lineTerminators(rng, source);
    recipe.push('other line terminators');
  }
  if (rng.chance(0.04)) {
    source = bom(source);
    recipe.push('BOM');
  }
  if (rng.chance(0.006)) {
    source = huge(rng, source);
    recipe.push(`huge (${source.length} characters)`);
  }
  const resourcePath = path.posix.join(FUZZ_ROOT, rng.pick(DIRECTORIES), `${rng.pick(BASENAMES)}${extension}`);
  const sourceMap = rng.chance(0.25);
  const inputMap = sourceMap && rng.chance(0.3) ? identityMap(resourcePath, source) : undefined;
  return { seed, index, recipe, resourcePath, source, sourceMap, inputMap };
}
