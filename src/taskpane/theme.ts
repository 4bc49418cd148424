/**
 * The pane follows the theme around it: Office's theme in Excel (its body
 * background decides light or dark), the system's colour scheme in a browser.
 */
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

/** Relative luminance of a `#rrggbb` colour, 0 (black) … 1 (white); null for anything else. */
export function luminance(colour: string): number | null {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour.trim());
  if (!match) return null;
  const [r, g, b] = match.slice(1).map((hex) => {
    const channel = parseInt(hex, 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function themeForBackground(background: string | undefined): Theme {
  const light = background ? luminance(background) : null;
  return light !== null && light < 0.5 ? webDarkTheme : webLightTheme;
}

export function themeForScheme(prefersDark: boolean): Theme {
  return prefersDark ? webDarkTheme : webLightTheme;
}
