import { detectHost } from "../../src/taskpane/startup";

describe("where the pane runs", () => {
  test("Excel when office.js reports the Excel host", async () => {
    const office = { onReady: async () => ({ host: "Excel" }), HostType: { Excel: "Excel" } };
    expect(await detectHost(office)).toBe("excel");
  });

  test("the browser when office.js reports no host", async () => {
    const office = { onReady: async () => ({ host: null }), HostType: { Excel: "Excel" } };
    expect(await detectHost(office)).toBe("browser");
  });

  test("the browser when office.js could not be loaded", async () => {
    expect(await detectHost(undefined)).toBe("browser");
  });

  test("the browser when office.js does not answer in time", async () => {
    const office = { onReady: () => new Promise<{ host: unknown }>(() => {}) };
    expect(await detectHost(office, 10)).toBe("browser");
  });

  test("the browser when office.js fails", async () => {
    const office = { onReady: () => Promise.reject(new Error("blocked")) };
    expect(await detectHost(office)).toBe("browser");
  });
});
