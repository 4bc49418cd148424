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

  test("issue 14.3 Excel when Office.onReady takes longer than 2 s: the host decides, not a timer", async () => {
    jest.useFakeTimers();
    try {
      const office = {
        onReady: () =>
          new Promise<{ host: unknown }>((resolve) => setTimeout(() => resolve({ host: "Excel" }), 5000)),
        HostType: { Excel: "Excel" },
      };
      const detected = detectHost(office);
      await jest.advanceTimersByTimeAsync(5000);
      expect(await detected).toBe("excel");
    } finally {
      jest.useRealTimers();
    }
  });

  test("the browser when office.js fails", async () => {
    const office = { onReady: () => Promise.reject(new Error("blocked")) };
    expect(await detectHost(office)).toBe("browser");
  });
});
