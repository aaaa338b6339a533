import type { Db } from './db/client.js';
import type { Env } from './env.js';
import type { PersonalData } from './services/personalData.js';
import type { SmsSender } from './services/sms/SmsSender.js';
import type { BusinessRegistry } from './services/registry/BusinessRegistry.js';
import type { FileStore } from './services/files/FileStore.js';

/** Everything a command needs from the outside, built once at boot (and per test). */
export interface AppContext {
  env: Env;
  db: Db;
  dbMode: 'pglite' | 'postgres';
  personalData: PersonalData;
  sms: SmsSender;
  registry: BusinessRegistry;
  files: FileStore;
  /** The server clock; tests move it to check deadlines. */
  now(): Date;
}

/** The logged-in person, as commands see them. */
export interface Actor {
  id: string;
  role: 'applicant' | 'authority' | 'expert' | 'admin';
  regionCode: string | null;
  /** Authorities: their level (district | city | province | ministry). */
  level?: 'district' | 'city' | 'province' | 'ministry' | null;
  ip: string | null;
}
