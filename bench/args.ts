import { SAMPLE_SIZE_NAMES, type SampleSize } from '../shared/sample-data/sizes';

export interface BenchArgs {
  size: SampleSize;
  /** Skip the Vite builds and use dist/renderer + dist/bench as they are (quick re-runs while profiling). */
  build: boolean;
  /** Only these metric ids (prefix match); all when empty. Dependencies (the data load) still run. */
  only: string[];
  /**
   * A profile folder kept after the run: the first run loads the dataset into it, later runs with
   * the same size find it there and skip the load (profiling at L without reloading 600k documents).
   */
  keepProfile?: string;
}

/** `--size S|M|L` (default S), `--no-build`, `--only id[,id]`, `--keep-profile DIR`. Unknown flags are errors, not silently ignored. */
export function parseArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = { size: 'S', build: true, only: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i] ?? '';
    if (flag === '--size') {
      const size = value().toUpperCase();
      if (!SAMPLE_SIZE_NAMES.includes(size as SampleSize)) throw new Error(`--size must be one of ${SAMPLE_SIZE_NAMES.join(', ')}`);
      args.size = size as SampleSize;
    } else if (flag === '--no-build') args.build = false;
    else if (flag === '--only')
      args.only = value()
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    else if (flag === '--keep-profile') {
      args.keepProfile = value();
      if (!args.keepProfile) throw new Error('--keep-profile needs a folder');
    } else throw new Error(`unknown argument ${a} (use --size S|M|L, --no-build, --only id,…, --keep-profile DIR)`);
  }
  return args;
}
