/** Mainland China mobile numbers: 11 digits starting with 13–19. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
export const MOBILE_MESSAGE = '请输入正确的11位手机号码';

export function isValidMobile(input: string): boolean {
  return MOBILE_PATTERN.test(input);
}

/** 138****1234: how a mobile number appears in lists and messages. */
export function maskMobile(mobile: string): string {
  return mobile.length === 11 ? `${mobile.slice(0, 3)}****${mobile.slice(7)}` : '***';
}
