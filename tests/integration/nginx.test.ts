import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, waitForAnswer } from '../support/servers';
import { createTempProject, PROJECT_ROOT, type TempProject } from '../support/temp-project';

/**
 * The README's nginx configuration, served for real by Debian's nginx on a loopback port: the fixture
 * site (it has an SVG logo) is built, the README's `nginx` block is used as written except for what only
 * a real server has (TLS, its name, its folder), and the headers of the page, an image and an SVG are read.
 * `.ci/run` installs nginx; where it cannot be installed, this suite is skipped and says so.
 */

const NGINX = ['/usr/sbin/nginx', '/usr/local/sbin/nginx'].find((path) => existsSync(path));

describe.skipIf(!NGINX)('the README’s nginx configuration, served by nginx', () => {
  let project: TempProject;
  let server: ChildProcess | undefined;
  let origin = '';
  let assets: string[] = [];

  beforeAll(async () => {
    project = await createTempProject();
    const build = await project.astro(['build'], { ORGANISATIONS_DIR: join(PROJECT_ROOT, 'tests/fixtures/organisations') });
    expect(build.code, build.output).toBe(0);
    assets = await readdir(join(project.dir, 'dist/_astro'));

    // nginx's workers drop root's rights: the temporary folder (0700) must be readable by them.
    await chmod(project.dir, 0o755);
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    const prefix = join(project.dir, 'nginx');
    await mkdir(join(prefix, 'logs'), { recursive: true });
    const block = /```nginx\n([\s\S]*?)```/.exec(await readFile(join(PROJECT_ROOT, 'README.md'), 'utf8'))?.[1];
    expect(block, 'README.md has no ```nginx block').toBeDefined();
    // The README's block as written, but plain HTTP on the loopback port, serving this build.
    const site = block!
      .split('\n')
      .filter((line) => !/^\s*(http2 on|ssl_\w+)\b/.test(line))
      .join('\n')
      .replace(/listen 443 ssl;/, `listen 127.0.0.1:${port};`)
      .replace(/root \/var\/www\/je-soutiens;/, `root ${join(project.dir, 'dist')};`);
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `  ${name}_temp_path ${prefix}/${name};`).join('\n');
    const config = join(prefix, 'nginx.conf');
    await writeFile(
      config,
      `pid ${prefix}/nginx.pid;\nerror_log ${prefix}/logs/error.log;\nevents {}\nhttp {\n  include /etc/nginx/mime.types;\n  access_log off;\n${temp}\n${site}\n}\n`,
    );
    const test = spawnSync(NGINX!, ['-t', '-p', prefix, '-c', config], { encoding: 'utf8' });
    expect(test.status, `nginx refuses the README's configuration:\n${test.stderr}`).toBe(0);
    server = spawn(NGINX!, ['-p', prefix, '-c', config, '-g', 'daemon off;'], { stdio: 'ignore' });
    await waitForAnswer(`${origin}/`, 5_000);
  }, 120_000);

  afterAll(async () => {
    server?.kill();
    await project?.remove();
  });

  /** The response at `path`, after checking its status, type and the security headers every response carries. */
  async function fetchChecked(path: string, type: string): Promise<Headers> {
    const { status, headers } = await fetch(`${origin}${path}`);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe(type);
    expect(headers.get('referrer-policy')).toBe('no-referrer');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('permissions-policy')).toContain('camera=()');
    expect(headers.get('strict-transport-security')).toBe('max-age=31536000');
    return headers;
  }
  const asset = (extension: string) => `/_astro/${assets.find((name) => name.endsWith(extension))}`;

  it('the page: its CSP with frame-ancestors, the other security headers, a short cache', async () => {
    const headers = await fetchChecked('/', 'text/html');
    expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(headers.get('cache-control')).toBe('public, max-age=600');
  });

  it('an optimized image: the security headers and a cache of a year (its name changes with its content)', async () => {
    const headers = await fetchChecked(asset('.webp'), 'image/webp');
    expect(headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('an SVG logo: its own sandboxing CSP, so that opened alone it can run nothing', async () => {
    const headers = await fetchChecked(asset('.svg'), 'image/svg+xml');
    const policy = headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain('sandbox');
    expect(policy).not.toContain("'self'");
    expect(headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });
});

it.runIf(!NGINX)('nginx is not installed: the README’s nginx configuration was not tested (sudo apt-get install nginx)', () => {
  console.warn('nginx is not installed here: tests/integration/nginx.test.ts skipped its checks (sudo apt-get install nginx).');
});
