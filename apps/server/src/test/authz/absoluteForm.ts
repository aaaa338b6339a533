import http from 'node:http';

/**
 * Sends a request whose target is in absolute form (`GET http://host/api/… HTTP/1.1`), as a client
 * talking to a proxy does. Node hands such a target to the app as `req.url` unchanged, so a check
 * that reads the raw URL sees something else than the router does; inject cannot send one.
 */
export function sendAbsoluteForm(base: string, method: string, url: string, headers: Record<string, string>, payload?: string | object | Buffer): Promise<{ status: number; body: string }> {
  const body = payload === undefined ? undefined : Buffer.isBuffer(payload) ? payload : Buffer.from(typeof payload === 'string' ? payload : JSON.stringify(payload));
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: hostname,
        port,
        method,
        path: `${base}${url}`,
        headers: { ...(body && !Buffer.isBuffer(payload) ? { 'content-type': 'application/json' } : {}), ...headers, ...(body ? { 'content-length': String(body.length) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
