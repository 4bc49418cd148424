import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe } from "jest-axe";
import type { ReactNode } from "react";
import {
  BudgetCurveChart,
  type BudgetCurvePoint,
} from "../../../src/taskpane/components/charts/BudgetCurveChart";
import { MixChart } from "../../../src/taskpane/components/charts/MixChart";
import { PlanCharts } from "../../../src/taskpane/components/charts/PlanCharts";
import { makePlan, readPlanInputs } from "../../../src/core/plan";
import { shortMoney, ticks } from "../../../src/taskpane/components/charts/scale";
import { MIX_ROWS } from "../../core/chartFixtures";

function inTheme(children: ReactNode, dark = false) {
  return render(<FluentProvider theme={dark ? webDarkTheme : webLightTheme}>{children}</FluentProvider>);
}

const CURVE: BudgetCurvePoint[] = [
  {
    budget: 100_000,
    expectedPipeline: 1_000_000,
    expectedLeads: 200,
    marginalPer1k: 9,
    pipelinePerDollar: 10,
    note: null,
  },
  {
    budget: 150_000,
    expectedPipeline: 1_400_000,
    expectedLeads: 280,
    marginalPer1k: 7,
    pipelinePerDollar: 9.33,
    note: "Budget",
  },
  {
    budget: 200_000,
    expectedPipeline: 1_700_000,
    expectedLeads: 340,
    marginalPer1k: 5,
    pipelinePerDollar: 8.5,
    note: null,
  },
  {
    budget: 250_000,
    expectedPipeline: 1_900_000,
    expectedLeads: 380,
    marginalPer1k: null,
    pipelinePerDollar: 7.6,
    note: "Budget for the goal",
  },
];

function rowsOf(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole("row")
    .map((row) => [...row.querySelectorAll("th, td")].map((cell) => cell.textContent ?? ""));
}

describe("SPEC 11 pictures in the pane: the media mix chart", () => {
  test("one group of bars a channel (Total left out), one bar a share, named by its caption, with the numbers as a table", () => {
    const { container } = inTheme(<MixChart mix={MIX_ROWS} />);
    const chart = screen.getByRole("img", {
      name: "Share by channel: current, recommended and audience attention",
    });
    expect(chart.getAttribute("tabindex")).toBe("0");
    expect(container.querySelectorAll("svg rect")).toHaveLength(9);
    expect([...container.querySelectorAll("svg text")].map((text) => text.textContent)).toEqual(
      expect.arrayContaining(["Events", "Digital ads", "Print", "0.0%", "60.0%"]),
    );
    expect(container.textContent).not.toContain("Total");
    // Digital ads' attention share (60%) is the longest bar and reaches the axis end.
    const widths = [...container.querySelectorAll("svg rect")].map((rect) =>
      Number(rect.getAttribute("width")),
    );
    expect(Math.max(...widths)).toBe(widths[5]);
    expect(rowsOf(screen.getByRole("table"))).toEqual([
      ["Channel", "Current share", "Recommended share", "Attention share"],
      ["Events", "50.0%", "30.0%", "10.0%"],
      ["Digital ads", "30.0%", "50.0%", "60.0%"],
      ["Print", "20.0%", "20.0%", "30.0%"],
    ]);
    expect(
      within(screen.getByRole("list", { name: "Legend" }))
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual(["Current share", "Recommended share", "Attention share"]);
  });

  test("without an attention table there is no attention bar or legend entry; with no share at all, no chart", () => {
    const noAttention = MIX_ROWS.map((row) => ({ ...row, attentionShare: null }));
    const { container, unmount } = inTheme(<MixChart mix={noAttention} />);
    expect(container.querySelectorAll("svg rect")).toHaveLength(6);
    expect(screen.getByRole("list", { name: "Legend" }).textContent).not.toContain("Attention");
    unmount();
    const empty = noAttention.map((row) => ({ ...row, currentShare: null, recommendedShare: null }));
    expect(inTheme(<MixChart mix={empty} />).container.querySelector("figure")).toBeNull();
  });

  test("the numbers are shown on request, by keyboard, and the figure has no axe violation in the dark theme", async () => {
    const user = userEvent.setup();
    const { container } = inTheme(<MixChart mix={MIX_ROWS} />, true);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("img"));
    await user.tab();
    const toggle = screen.getByRole("button", { name: "Show the numbers" });
    expect(document.activeElement).toBe(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    await user.keyboard("{Enter}");
    expect(screen.getByRole("button", { name: "Hide the numbers" }).getAttribute("aria-expanded")).toBe(
      "true",
    );
    expect((await axe(container)).violations.map((violation) => violation.id)).toEqual([]);
  });
});

describe("SPEC 11 pictures in the pane: the budget curve chart", () => {
  test("a line through every budget, the Budget and the Pipeline goal as dashed lines, the rows as a table", () => {
    const { container } = inTheme(
      <BudgetCurveChart curve={CURVE} budget={150_000} pipelineGoal={1_800_000} />,
    );
    expect(screen.getByRole("img", { name: "Expected pipeline by budget" })).toBeTruthy();
    expect(container.querySelectorAll("svg circle")).toHaveLength(4);
    expect(container.querySelector("svg path")?.getAttribute("d")?.match(/[ML]/g)).toHaveLength(4);
    const summary = screen.getByText(/^A line from/);
    expect(summary.textContent).toBe(
      "A line from $1,000,000 at a budget of $100,000 to $1,900,000 at $250,000; the plan's Budget of $150,000 and the Pipeline goal of $1,800,000 are dashed lines.",
    );
    expect(screen.getByRole("list", { name: "Legend" }).textContent).toBe(
      "Expected pipelinePlan budget $150,000Pipeline goal $1,800,000",
    );
    expect(rowsOf(screen.getByRole("table"))).toEqual([
      ["Budget", "Expected pipeline", "Marginal pipeline per $1k", "Note"],
      ["$100,000", "$1,000,000", "9.00", ""],
      ["$150,000", "$1,400,000", "7.00", "Budget"],
      ["$200,000", "$1,700,000", "5.00", ""],
      ["$250,000", "$1,900,000", "—", "Budget for the goal"],
    ]);
  });

  test("the Budget line stands at the Budget's x, the goal line at the goal's y, between the axis ends", () => {
    const { container } = inTheme(
      <BudgetCurveChart curve={CURVE} budget={150_000} pipelineGoal={2_000_000} />,
    );
    const lines = [...container.querySelectorAll("svg > line")];
    const [goal, budget] = lines.slice(-2);
    const point = (budgetValue: number) =>
      [...container.querySelectorAll("svg circle")].find(
        (_, i) => CURVE[i].budget === budgetValue,
      ) as SVGCircleElement;
    expect(budget.getAttribute("x1")).toBe(point(150_000).getAttribute("cx"));
    // The y axis runs to $2M, so the goal line is the top gridline.
    const gridlines = [...container.querySelectorAll("svg g line")].map((line) => line.getAttribute("y1"));
    expect(goal.getAttribute("y1")).toBe(gridlines[gridlines.length - 1]);
  });

  test("an empty curve (no shortlist) draws nothing", () => {
    expect(
      inTheme(<BudgetCurveChart curve={[]} budget={1} pipelineGoal={1} />).container.querySelector("figure"),
    ).toBeNull();
  });
});

describe("SPEC 11 pictures in the pane: the plan's charts", () => {
  test("after Plan the pane draws the mix and the plan's own budget curve, one point a row of Budget Curve", () => {
    const inputs = readPlanInputs({
      vehicles: {
        sheet: "Vehicles",
        top: 1,
        left: 1,
        cells: [
          ["Vehicle", "Channel", "Investment", "Leads", "Pipeline"],
          ["Webinars", "Content", 20_000, 400, 900_000],
          ["Paid search", "Digital ads", 30_000, 500, 800_000],
        ],
      },
      overrides: { bandwidth: 2, budget: 50_000, pipelineGoal: 2_000_000 },
    });
    if (!inputs.ok) throw new Error(inputs.message);
    const plan = makePlan(inputs.value);
    if (!plan.ok) throw new Error(plan.message);
    const { container } = inTheme(<PlanCharts plan={plan.value} />);
    expect(screen.getByRole("img", { name: "Expected pipeline by budget" })).toBeTruthy();
    const curve = container.querySelectorAll("figure")[1];
    expect(curve.querySelectorAll("svg circle")).toHaveLength(plan.value.budgetCurve.length);
    expect(within(curve).getByRole("list", { name: "Legend" }).textContent).toBe(
      "Expected pipelinePlan budget $50,000Pipeline goal $2,000,000",
    );
  });
});

describe("axis arithmetic", () => {
  test("round ticks over the span, ends widened to them", () => {
    expect(ticks(0, 0.6, 4)).toEqual({
      ticks: [0, 0.2, 0.4, 0.6],
      min: 0,
      max: 0.6,
    });
    expect(ticks(100_000, 250_000, 3).ticks).toEqual([100_000, 150_000, 200_000, 250_000]);
  });

  test("short money for the axes", () => {
    expect([
      shortMoney(0),
      shortMoney(900),
      shortMoney(250_000),
      shortMoney(1_250_000),
      shortMoney(-2e9),
    ]).toEqual(["$0", "$900", "$250k", "$1.3M", "-$2B"]);
  });
});
