import type { Env } from '../../env.js';
import type { SmsSender } from './SmsSender.js';

/** Real SMS gateways; filled in by the provider adapters. */
export function createProviderSmsSender(env: Env): SmsSender {
  throw new Error(`SMS provider ${env.SMS_PROVIDER} is not available yet`);
}
