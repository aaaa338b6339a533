import type { App } from '../../app.js';

/**
 * Every route of the app as "METHOD /path", read from Fastify's own route tree, so a route added
 * later shows up here without anyone listing it. HEAD is left out where it only mirrors a GET
 * (Fastify adds those; they run the GET's handler).
 */
export function listRoutes(app: App): string[] {
  const out = new Set<string>();
  // Each tree line is indented four characters per level and continues its parent's path.
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│ ]*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    const path = (stack[depth - 1] ?? '') + m[2]!;
    stack.length = depth;
    stack.push(path);
    const methods = m[3]?.split(', ') ?? [];
    for (const method of methods) {
      if (method === 'HEAD' && methods.includes('GET')) continue;
      out.add(`${method} ${path}`);
    }
  }
  return [...out].sort();
}
