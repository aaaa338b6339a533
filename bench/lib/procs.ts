import { spawn, execFile, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SERVER_DIR = path.join(ROOT, 'apps/server');
export const run = promisify(execFile);

/** Runs a bench script in its own Node process with a job file; resolves with the JSON it prints. */
export async function runJob<T>(work: string, script: string, job: unknown, env: NodeJS.ProcessEnv = {}): Promise<T> {
  const file = path.join(work, `job-${path.basename(script, '.ts')}-${Date.now()}.json`);
  fs.writeFileSync(file, JSON.stringify(job));
  const { stdout } = await run('node', ['--import', 'tsx', path.join(ROOT, 'bench', script), file], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    maxBuffer: 512 * 1024 * 1024,
  });
  return JSON.parse(stdout) as T;
}

/** Resident memory of a process now and its peak so far (VmHWM), in MB, from /proc. */
export function memoryOf(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** Samples a process's RSS every `ms` until stopped; returns the highest value seen. */
export function sampleRss(pid: number, ms = 100) {
  let max = 0;
  const timer = setInterval(() => {
    try {
      max = Math.max(max, memoryOf(pid).rss);
    } catch {
      /* the process ended */
    }
  }, ms);
  return { stop: () => (clearInterval(timer), max), now: () => max };
}

export interface AppProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const ended = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await ended;
  clearTimeout(timer);
}

/** The app as in production: `node --import tsx src/server.ts` in apps/server, its own process. */
export async function startApp(env: NodeJS.ProcessEnv, logFile: string): Promise<AppProcess> {
  const port = await freePort();
  const log = fs.openSync(logFile, 'a');
  const child = spawn('node', ['--import', 'tsx', 'src/server.ts'], { cwd: SERVER_DIR, env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', log, log] });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`app exited (${child.exitCode}); see ${logFile}`);
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok).catch(() => false);
    if (ok) return { url, pid: child.pid!, stop: () => stopChild(child) };
    await new Promise((r) => setTimeout(r, 250));
  }
  await stopChild(child);
  throw new Error(`app did not answer /api/health; see ${logFile}`);
}

/** The bare Fastify baseline server (bench/baselines/bareFastify.ts). */
export async function startBare(): Promise<AppProcess> {
  const child = spawn('node', ['--import', 'tsx', path.join(ROOT, 'bench/baselines/bareFastify.ts')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.once('data', (d: Buffer) => resolve(Number(d.toString().trim())));
    child.once('exit', (code) => reject(new Error(`bare server exited ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, pid: child.pid!, stop: () => stopChild(child) };
}
