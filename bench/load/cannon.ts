/**
 * Runs autocannon in its own process (the orchestrator spawns this file), so the load generator never
 * shares an event loop with what it measures. Reads a job from argv[2] (JSON file), prints the result.
 *   kind 'save': PATCH /api/applications/:id/fields, one application and session per connection, each
 *     save based on the version the previous answer returned (as the form's autosave does);
 *   kind 'get':  GET of a fixed path with a cookie (the authority list, the PDF).
 */
import fs from 'node:fs';
import crypto from 'node:crypto';
import autocannon from 'autocannon';

interface Job {
  kind: 'save' | 'get';
  url: string;
  connections: number;
  /** Seconds, or a fixed number of requests with `amount`. */
  duration?: number;
  amount?: number;
  /** save: one per connection. */
  clients?: { applicationId: string; cookie: string }[];
  path?: string;
  cookie?: string;
  /** The save's changes, e.g. { mainBusiness: '…' }. */
  changes?: Record<string, unknown>;
}

const job = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as Job;
const csrf = crypto.randomBytes(32).toString('base64url');
let next = 0;

function setupSaveClient(client: autocannon.Client) {
  const me = job.clients![next++ % job.clients!.length]!;
  const state = { version: -1, seq: 0 };
  const n = next;
  client.setRequests([
    {
      method: 'PATCH',
      path: `/api/applications/${me.applicationId}/fields`,
      headers: { 'content-type': 'application/json', cookie: `${me.cookie}; fw_csrf=${csrf}`, 'x-csrf-token': csrf },
      setupRequest: (req) => ({
        ...req,
        body: JSON.stringify({ saveId: `bench-${process.pid}-${n}-${++state.seq}`, baseVersion: Math.max(state.version, 0), changes: job.changes }),
      }),
      onResponse: (status, body) => {
        if (status === 200) state.version = (JSON.parse(body) as { version: number }).version;
        else if (status === 409) state.version = (JSON.parse(body) as { currentVersion?: number }).currentVersion ?? state.version;
      },
    },
  ]);
}

const started = Date.now();
const result = await autocannon({
  url: job.kind === 'get' ? `${job.url}${job.path}` : job.url,
  connections: job.connections,
  ...(job.amount ? { amount: job.amount } : { duration: job.duration ?? 10 }),
  timeout: 30,
  ...(job.kind === 'save'
    ? { setupClient: setupSaveClient }
    : { method: 'GET' as const, headers: job.cookie ? { cookie: job.cookie } : {} }),
});
process.stdout.write(JSON.stringify({
  seconds: (Date.now() - started) / 1000,
  requests: result.requests.total,
  rps: result['2xx'] / result.duration,
  ok: result['2xx'],
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
  statusCodes: result.statusCodeStats,
  p50: result.latency.p50,
  p90: result.latency.p90,
  p99: result.latency.p99,
  max: result.latency.max,
}));
