import type { ThemeConfig } from 'antd';

/** A calm government-portal look: deep blue, light grey page, modest radii. */
export const BRAND_BLUE = '#1b4f8f';
export const HEADER_BG = '#123a6b';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND_BLUE,
    colorInfo: BRAND_BLUE,
    colorSuccess: '#2e8b57',
    colorWarning: '#d97706',
    colorError: '#c62828',
    colorBgLayout: '#f2f4f7',
    colorInfoBg: '#eef4fb',
    colorSuccessBg: '#eff8f2',
    colorSuccessBorder: '#b9dfc6',
    colorInfoBorder: '#c9d9ee',
    borderRadius: 4,
    fontSize: 14,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: HEADER_BG, headerHeight: 56, headerPadding: '0', footerBg: 'transparent' },
    Card: { headerFontSize: 16 },
  },
};
