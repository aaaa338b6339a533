import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';

type Directives = Record<string, string[]>;

/** The web app's Content-Security-Policy: only this origin's scripts, no plugins, never framed. */
export function appDirectives(https: boolean): Directives {
  const d: Directives = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    // antd's CSS-in-JS (cssinjs) injects <style> elements at run time; without 'unsafe-inline' the
    // whole UI loses its styles. Styles cannot run code, scripts stay strictly 'self'.
    'style-src': ["'self'", "'unsafe-inline'"],
    // data: for antd's inline SVG/icons, blob: for previews of chosen files.
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    // The PDF preview of reviewers is an iframe of this origin's /api/…pdf.
    'frame-src': ["'self'"],
    'frame-ancestors': ["'none'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
  };
  if (https) d['upgrade-insecure-requests'] = [];
  return d;
}

/**
 * Swagger UI (/api/docs): its bundle sets inline styles and shows data: images; it may be framed by
 * nothing either. Scoped to the docs routes only.
 */
function docsDirectives(https: boolean): Directives {
  return { ...appDirectives(https), 'img-src': ["'self'", 'data:'] };
}

/** A document this site shows in its own iframe (PDF preview): framable by this origin only. */
const inlineFileCsp = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; object-src 'self'; frame-ancestors 'self'";

/**
 * Security headers on every answer (helmet): CSP, HSTS when served over https, nosniff, a strict
 * referrer policy, no framing by other sites.
 */
export const securityHeadersPlugin = fp<{ https: boolean }>(async (app, { https }) => {
  // Route-scoped CSP for the API docs, set before swagger-ui registers its routes.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) {
      const config = (route.config ??= {}) as { helmet?: unknown };
      config.helmet = { contentSecurityPolicy: { useDefaults: false, directives: docsDirectives(https) } };
    }
  });

  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: appDirectives(https) },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
    // Files and PDFs are opened from this origin only.
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });

  // Files answered `inline` are previewed in this site's iframe: allow exactly that framing.
  app.addHook('onSend', async (_req, reply, payload) => {
    const disposition = reply.getHeader('content-disposition');
    if (typeof disposition === 'string' && disposition.startsWith('inline')) {
      reply.header('content-security-policy', inlineFileCsp);
      reply.header('x-frame-options', 'SAMEORIGIN');
    }
    return payload;
  });
});
