import fc from "fast-check";
import type { QuestionAnswer } from "../../src/core/model";
import {
  assignStatuses,
  evaluateStatuses,
  firstFailing,
  outranks,
  shortlistOrder,
  type RankFields,
} from "../../src/core/ranking";
import { hand, scored, settingsWith } from "./engineFixtures";

const pass: QuestionAnswer = { answer: "Pass", reason: "" };
const fail: QuestionAnswer = { answer: "Fail", reason: "" };
const notAsked: QuestionAnswer = { answer: "n/a", reason: "" };
const allPass = Array<QuestionAnswer>(7).fill(pass);

function fields(name: string, efficiency: number, pipeline: number): RankFields {
  return { name, efficiency, pipeline };
}

describe("SPEC 3 status and ranking", () => {
  test("SPEC 3 status: Eliminated (Qk) names the first failing question; n/a counts as passing", () => {
    expect(firstFailing([pass, notAsked, fail, pass, fail, pass, pass])).toBe(3);
    expect(firstFailing([notAsked, notAsked, notAsked, notAsked, pass, notAsked, pass])).toBeNull();
    const statuses = assignStatuses([fields("a", 1, 1)], [[pass, notAsked, pass, pass, pass, pass, fail]], 5);
    expect(statuses).toEqual([{ status: "Eliminated (Q7)", eliminatedAt: 7, rank: null }]);
  });

  test("SPEC 3 status: the first Bandwidth by E are Shortlisted with ranks 1…, the rest Reserve", () => {
    const vehicles = [fields("a", 1, 0), fields("b", 4, 0), fields("c", 3, 0), fields("d", 2, 0)];
    const statuses = assignStatuses(
      vehicles,
      vehicles.map(() => allPass),
      2,
    );
    expect(statuses.map((status) => status.status)).toEqual([
      "Reserve",
      "Shortlisted",
      "Shortlisted",
      "Reserve",
    ]);
    expect(statuses.map((status) => status.rank)).toEqual([null, 1, 2, null]);
    expect(shortlistOrder(statuses)).toEqual([1, 2]);
  });

  test("SPEC 3 eliminated vehicles take no place in the ranking", () => {
    const vehicles = [fields("a", 9, 0), fields("b", 1, 0)];
    const statuses = assignStatuses(vehicles, [[fail, ...allPass.slice(1)], allPass], 1);
    expect(statuses.map((status) => status.status)).toEqual(["Eliminated (Q1)", "Shortlisted"]);
  });

  test("SPEC 3 tie-break: equal E ranks the higher P first", () => {
    expect(outranks(fields("z", 2, 500), fields("a", 2, 400))).toBe(true);
    expect(outranks(fields("a", 2, 400), fields("z", 2, 500))).toBe(false);
  });

  test("SPEC 3 tie-break: equal E and P rank by lower-cased trimmed name", () => {
    const vehicles = [fields("webinar", 2, 100), fields("b2b event", 2, 100), fields("alpha", 1, 100)];
    const statuses = assignStatuses(
      vehicles,
      vehicles.map(() => allPass),
      5,
    );
    expect(statuses.map((status) => status.rank)).toEqual([2, 1, 3]);
  });

  test("SPEC 3 tie-break: names compare by UTF-16 code units, not a locale's order", () => {
    // localeCompare puts "éclair" before "fudge"; code units put "fudge" (0x66) before "é" (0xE9).
    expect(outranks(fields("fudge", 1, 1), fields("éclair", 1, 1))).toBe(true);
    // "_" (0x5F) sorts before letters (0x61…), whereas a locale order would put it elsewhere.
    expect(outranks(fields("_x", 1, 1), fields("a", 1, 1))).toBe(true);
  });

  test("SPEC 3 tie-break: a full evaluation lower-cases names, so 'Zeta' comes after 'alpha'", () => {
    const settings = settingsWith();
    const statuses = evaluateStatuses([scored("Zeta"), scored("alpha")], settings).statuses;
    expect(statuses.map((status) => status.rank)).toEqual([2, 1]);
  });

  test("SPEC 3 every status agrees with its answers, and the shortlist holds at most Bandwidth", () => {
    const answer = fc.constantFrom<QuestionAnswer>(pass, fail, notAsked, pass, pass);
    const row = fc.record({
      efficiency: fc.integer({ min: 0, max: 5 }),
      pipeline: fc.integer({ min: 0, max: 3 }),
      answers: fc.array(answer, { minLength: 7, maxLength: 7 }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 15 }), fc.integer({ min: 1, max: 6 }), (rows, bandwidth) => {
        const vehicles = rows.map((entry, index) => fields(`v${index}`, entry.efficiency, entry.pipeline));
        const statuses = assignStatuses(
          vehicles,
          rows.map((entry) => entry.answers),
          bandwidth,
        );
        const contenders = rows.filter((entry) => entry.answers.every((a) => a.answer !== "Fail")).length;
        const shortlisted = statuses.filter((status) => status.status === "Shortlisted");
        expect(shortlisted.length).toBe(Math.min(bandwidth, contenders));
        statuses.forEach((status, index) => {
          const failing = firstFailing(rows[index].answers);
          if (failing !== null)
            expect(status).toEqual({ status: `Eliminated (Q${failing})`, eliminatedAt: failing, rank: null });
          else expect(["Shortlisted", "Reserve"]).toContain(status.status);
        });
        const order = shortlistOrder(statuses);
        for (let i = 1; i < order.length; i++)
          expect(outranks(vehicles[order[i - 1]], vehicles[order[i]])).toBe(true);
        statuses.forEach((status, index) => {
          if (status.status === "Reserve") {
            for (const top of order) expect(outranks(vehicles[top], vehicles[index])).toBe(true);
          }
        });
      }),
    );
  });

  test("SPEC 3 a hand No eliminates at that question", () => {
    const settings = settingsWith();
    const statuses = evaluateStatuses([scored("a", { handAnswers: hand("----N--") })], settings).statuses;
    expect(statuses[0].status).toBe("Eliminated (Q5)");
  });
});
