/** The business registry (工商登记) behind certification; the default is the local table. */
export interface RegistryEntry {
  uscc: string;
  name: string;
  legalRepresentative: string;
  registeredCapital: string | null;
  orgType: string | null;
  address: string | null;
  regionCode: string;
  establishedOn: string | null;
  businessStatus: string;
}

export interface BusinessRegistry {
  /** Finds an organisation by its exact registered name or its USCC. */
  lookup(nameOrUscc: string): Promise<RegistryEntry | null>;
}
