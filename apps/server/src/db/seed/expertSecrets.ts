// Kept apart from stage45.ts so the e2e can import the secrets without the server's modules.
/** Fixed TOTP secrets of the demo experts (printed at start, shown on /outbox). Demo only. */
export const DEMO_EXPERT_TOTP_SECRETS: Record<string, string> = {
  expert01: 'RUWLNHTFJH3XATJVUPYZMP22J3RWQ55D',
  expert02: 'XWCAP7HF4V7M42Q65MBE6ZR7C6CTOZEF',
  expert03: 'MO5RMWLIINKRJRZI6ED6EQ45N5KKME3A',
  expert04: '6ISQ6BW4TQKFHRHBCS6WSXQYQC3A36NB',
  expert05: 'KD4MT77ZWVVM5C3WOEFUFXG335IITT2I',
  expert06: 'SXA3JGPGDYSS23PKWJDFASQVGMNZ5UDI',
};
