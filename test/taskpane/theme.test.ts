import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { luminance, themeForBackground, themeForScheme } from "../../src/taskpane/theme";

describe("the pane's theme", () => {
  test("follows Office's body background: dark grey is dark, white and light grey are light", () => {
    expect(themeForBackground("#262626")).toBe(webDarkTheme);
    expect(themeForBackground("#000000")).toBe(webDarkTheme);
    expect(themeForBackground("#FFFFFF")).toBe(webLightTheme);
    expect(themeForBackground("#e6e6e6")).toBe(webLightTheme);
  });

  test("is light when Office gives no usable colour", () => {
    expect(themeForBackground(undefined)).toBe(webLightTheme);
    expect(themeForBackground("teal")).toBe(webLightTheme);
    expect(luminance("teal")).toBeNull();
  });

  test("follows the browser's colour scheme", () => {
    expect(themeForScheme(true)).toBe(webDarkTheme);
    expect(themeForScheme(false)).toBe(webLightTheme);
  });
});
