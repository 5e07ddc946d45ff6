import { createTheme, type MantineColorsTuple } from '@mantine/core';

// a slightly deeper indigo than Mantine's default, for the brand accents
const brand: MantineColorsTuple = [
  '#eef2ff',
  '#dde3ff',
  '#b9c4fb',
  '#91a3f7',
  '#7087f4',
  '#5b74f2',
  '#4f6af2',
  '#4059d8',
  '#364fc2',
  '#2944ab',
];

export const theme = createTheme({
  primaryColor: 'brand',
  colors: { brand },
  defaultRadius: 'md',
  fontFamily: 'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  cursorType: 'pointer',
  components: {
    Paper: { defaultProps: { withBorder: true, radius: 'md' } },
    Card: { defaultProps: { withBorder: true, radius: 'md' } },
    Badge: { defaultProps: { radius: 'sm', tt: 'none', fw: 600 } },
    Tooltip: { defaultProps: { openDelay: 300 } },
    Modal: { defaultProps: { centered: true } },
  },
});
