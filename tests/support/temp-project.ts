import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { freePort, waitForAnswer } from './servers.ts';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

export interface CommandResult {
  code: number | null;
  /** stdout and stderr together, in the order they came, without terminal colours. */
  output: string;
  stdout: string;
  stderr: string;
}

export type TempProject = Awaited<ReturnType<typeof createTempProject>>;

const ASTRO = join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');

/** Caches that builds write inside node_modules: each copy has its own. */
const NOT_LINKED = new Set(['.vite', '.astro', '.cache', '.vite-temp']);

/**
 * A throw-away copy of the site (config, src, public, and `also`, e.g. `scripts`) sharing the installed packages,
 * to run the real content pipeline on damaged entries, or the benchmark's generated ones, without touching the real ones.
 *
 * Its node_modules is a folder of links to each installed package rather than one link to the whole
 * folder: Vite keeps its dependency cache in `<root>/node_modules/.vite`, which every copy (and every
 * build of the project itself) would otherwise share, invalidate and rewrite.
 */
export async function createTempProject({ also = [] }: { also?: readonly string[] } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'je-soutiens-'));
  for (const entry of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public', ...also]) {
    await cp(join(PROJECT_ROOT, entry), join(dir, entry), { recursive: true });
  }
  await mkdir(join(dir, 'node_modules'));
  for (const name of await readdir(join(PROJECT_ROOT, 'node_modules'))) {
    if (!NOT_LINKED.has(name)) await symlink(join(PROJECT_ROOT, 'node_modules', name), join(dir, 'node_modules', name));
  }
  /** Writes a file of the copy (a path from its root), creating its folder. */
  const write = async (file: string, content: string | Buffer) => {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), content);
  };
  return {
    dir,
    organisations: join(dir, 'src/content/organisations'),
    /** Runs `astro <args>` in the copy, with the project's own Node and Astro. */
    astro: (args: string[], env: Record<string, string> = {}) => run(process.execPath, [ASTRO, ...args], dir, env),
    /** Starts `astro dev` in the copy on a free loopback port and waits until it answers: its address, and how to stop it. */
    dev: async (env: Record<string, string> = {}) => {
      const port = await freePort();
      const url = `http://127.0.0.1:${port}/`;
      // Without Vitest's variables, which would make the dev server run as a test.
      const inherited = Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST'));
      // --ignore-lock keeps the server in the foreground (Astro backgrounds it when it thinks an agent runs it).
      const server = spawn(process.execPath, [ASTRO, 'dev', '--ignore-lock', '--host', '127.0.0.1', '--port', String(port)], {
        cwd: dir,
        env: { ...Object.fromEntries(inherited), ASTRO_TELEMETRY_DISABLED: '1', ...env },
      });
      const stop = async () => {
        if (server.exitCode === null && server.kill()) await once(server, 'exit');
      };
      let output = '';
      for (const stream of [server.stdout, server.stderr]) stream.on('data', (chunk: Buffer) => (output += chunk.toString()));
      await waitForAnswer(url, 60_000, () => output).catch(async (error: unknown) => {
        await stop();
        throw error;
      });
      return { url, stop };
    },
    write,
    edit: async (file: string, change: (text: string) => string) => write(file, change(await readFile(join(dir, file), 'utf8'))),
    /** Removes what a build leaves (dist, Astro's and Vite's caches): the next build is a cold one. */
    cleanBuildState: async () => {
      for (const path of ['dist', '.cache', '.astro', 'node_modules/.vite', 'node_modules/.astro']) {
        await rm(join(dir, path), { recursive: true, force: true });
      }
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Runs a command to its end, without blocking this process; `onSpawn` sees the child (the benchmark samples its memory). */
export function run(
  command: string,
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
  onSpawn?: (child: ChildProcess) => void,
): Promise<CommandResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
    });
    onSpawn?.(child);
    const text = { output: '', stdout: '', stderr: '' };
    for (const stream of ['stdout', 'stderr'] as const) {
      child[stream].on('data', (chunk: Buffer) => {
        // eslint-disable-next-line no-control-regex
        const plain = chunk.toString().replace(/\u001b\[[0-9;]*m/g, '');
        text[stream] += plain;
        text.output += plain;
      });
    }
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, ...text }));
  });
}

/** The proxy variables, in both cases, set so that every request goes through `proxy` (none when it is empty). */
export const proxyEnv = (proxy: string) => ({
  HTTP_PROXY: proxy,
  HTTPS_PROXY: proxy,
  http_proxy: proxy,
  https_proxy: proxy,
  NO_PROXY: '',
  no_proxy: '',
});

/**
 * Runs `astro build` on a site in this process, through Astro's programmatic API (as Starlight's
 * `__e2e__/test-utils.ts` does) rather than a child process. Astro keeps a NODE_ENV already set, and Vitest sets
 * `test`: the build runs with `production`, as the command would. A failed build gives code 1 and Astro's error.
 */
export async function buildInProcess(root: string): Promise<CommandResult> {
  const { build } = await import('astro');
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  // Astro writes its prerender chunks under the current directory's `.astro/`, whatever `root` says:
  // inside the site, as `astro build` runs, so two suites building at once never share that folder.
  const cwd = process.cwd();
  process.chdir(root);
  try {
    await build({ root, logLevel: 'error' });
    return { code: 0, output: '', stdout: '', stderr: '' };
  } catch (error) {
    const output = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { code: 1, output, stdout: '', stderr: output };
  } finally {
    process.chdir(cwd);
    if (nodeEnv === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = nodeEnv;
  }
}
