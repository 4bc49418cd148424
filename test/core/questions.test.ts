import fc from "fast-check";
import {
  impactProfile,
  messageFit,
  objectiveFit,
  reachAndResonance,
  skills,
  trackRecord,
} from "../../src/core/questions";
import { AnswerSheet, answerQuestions } from "../../src/core/answerSheet";
import { median, medianAfterChange } from "../../src/core/sortedNumbers";
import type { QuestionAnswer } from "../../src/core/model";
import { hand, scored, settingsWith, valuesWith } from "./engineFixtures";

/** What a reader sees of an answer (reasons are worded when read). */
function plain(answer: QuestionAnswer): QuestionAnswer {
  return { answer: answer.answer, reason: answer.reason };
}

const settings = settingsWith();

describe("SPEC 3 question 1 objective fit", () => {
  test("SPEC 3 Q1 passes when the plan's Objective is one of the row's Objectives", () => {
    expect(plain(objectiveFit(valuesWith({ objectives: ["Awareness", "Conversion"] }), settings))).toEqual({
      answer: "Pass",
      reason: "Objective Conversion is among its objectives (Awareness, Conversion)",
    });
  });
  test("SPEC 3 Q1 fails when the Objective is not among them", () => {
    expect(plain(objectiveFit(valuesWith({ objectives: ["Awareness"] }), settings))).toEqual({
      answer: "Fail",
      reason: "Objective Conversion is not among its objectives (Awareness)",
    });
  });
  test("SPEC 3 Q1 is n/a when the row gives no Objectives", () => {
    expect(objectiveFit(valuesWith({ objectives: null }), settings).answer).toBe("n/a");
    expect(objectiveFit(valuesWith({ objectives: [] }), settings).answer).toBe("n/a");
  });
});

describe("SPEC 3 question 2 reach and resonance", () => {
  test("SPEC 3 Q2 fails when Reach is below Minimum reach", () => {
    expect(plain(reachAndResonance(valuesWith({ reach: 0.12 }), settings))).toEqual({
      answer: "Fail",
      reason: "Reach 12% is below the minimum of 20%",
    });
  });
  test("SPEC 3 Q2 fails when Resonance is below Minimum resonance, even with Reach met", () => {
    expect(plain(reachAndResonance(valuesWith({ reach: 0.3, resonance: 2 }), settings))).toEqual({
      answer: "Fail",
      reason: "Resonance 2 is below the minimum of 3",
    });
  });
  test("SPEC 3 Q2 passes when the given ones meet their minimums (equal is enough)", () => {
    expect(plain(reachAndResonance(valuesWith({ reach: 0.2, resonance: 3 }), settings))).toEqual({
      answer: "Pass",
      reason: "Reach 20% meets the minimum of 20%; Resonance 3 meets the minimum of 3",
    });
    expect(reachAndResonance(valuesWith({ resonance: 4.5 }), settings).answer).toBe("Pass");
  });
  test("SPEC 3 Q2 is n/a when neither Reach nor Resonance is given", () => {
    expect(plain(reachAndResonance(valuesWith(), settings))).toEqual({
      answer: "n/a",
      reason: "Neither Reach nor Resonance given",
    });
  });
});

describe("SPEC 3 question 3 message fit", () => {
  test("SPEC 3 Q3 fails for a Short vehicle and a Complex message", () => {
    const complex = settingsWith({ messageComplexity: "Complex" });
    expect(plain(messageFit(valuesWith({ messageLength: "Short" }), complex))).toEqual({
      answer: "Fail",
      reason: "A Short format does not fit a Complex message",
    });
  });
  test("SPEC 3 Q3 fails for a Long vehicle and a Simple message", () => {
    const simple = settingsWith({ messageComplexity: "Simple" });
    expect(messageFit(valuesWith({ messageLength: "Long" }), simple).answer).toBe("Fail");
  });
  test("SPEC 3 Q3 passes when length and complexity differ by at most 1", () => {
    expect(messageFit(valuesWith({ messageLength: "Short" }), settings).answer).toBe("Pass");
    expect(messageFit(valuesWith({ messageLength: "Long" }), settings).answer).toBe("Pass");
    const complex = settingsWith({ messageComplexity: "Complex" });
    expect(plain(messageFit(valuesWith({ messageLength: "Long" }), complex))).toEqual({
      answer: "Pass",
      reason: "A Long format fits a Complex message",
    });
  });
  test("SPEC 3 Q3 is n/a without Message length", () => {
    expect(plain(messageFit(valuesWith(), settings))).toEqual({
      answer: "n/a",
      reason: "No Message length given",
    });
  });
});

describe("SPEC 3 question 4 skills", () => {
  test("SPEC 3 Q4 level is the larger of today and tomorrow when Count skill tomorrow is Yes", () => {
    expect(plain(skills(valuesWith({ skillToday: 2, skillTomorrow: 4 }), settings))).toEqual({
      answer: "Pass",
      reason: "Skill 4 (the larger of today 2 and tomorrow 4) meets the minimum of 3",
    });
  });
  test("SPEC 3 Q4 level is Skill today alone when Count skill tomorrow is No", () => {
    const todayOnly = settingsWith({ countSkillTomorrow: false });
    expect(plain(skills(valuesWith({ skillToday: 2, skillTomorrow: 5 }), todayOnly))).toEqual({
      answer: "Fail",
      reason: "Skill today 2 is below the minimum of 3",
    });
  });
  test("SPEC 3 Q4 counts Skill tomorrow alone when it is the only one given", () => {
    expect(plain(skills(valuesWith({ skillTomorrow: 3 }), settings))).toEqual({
      answer: "Pass",
      reason: "Skill tomorrow 3 meets the minimum of 3",
    });
  });
  test("SPEC 3 Q4 is n/a when there is no level", () => {
    expect(skills(valuesWith(), settings).answer).toBe("n/a");
    const todayOnly = settingsWith({ countSkillTomorrow: false });
    expect(plain(skills(valuesWith({ skillTomorrow: 5 }), todayOnly))).toEqual({
      answer: "n/a",
      reason: "No Skill today given",
    });
  });
});

describe("SPEC 3 question 5 impact", () => {
  const goal = settingsWith({ pipelineGoal: 500_000, bandwidth: 5, minimumImpactShare: 0.5 });
  test("SPEC 3 Q5 fails when the potential is below Minimum impact share × goal / Bandwidth", () => {
    expect(plain(impactProfile(valuesWith(), 40_000, goal))).toEqual({
      answer: "Fail",
      reason: "Potential $40,000 (Pipeline) is below $50,000 (50% of the $500,000 goal ÷ 5 vehicles)",
    });
  });
  test("SPEC 3 Q5 passes at exactly the threshold", () => {
    expect(impactProfile(valuesWith(), 50_000, goal).answer).toBe("Pass");
  });
  test("SPEC 3 Q5 uses Impact potential instead of P when given", () => {
    expect(plain(impactProfile(valuesWith({ impactPotential: 60_000 }), 1_000, goal))).toEqual({
      answer: "Pass",
      reason: "Potential $60,000 (Impact potential) meets $50,000 (50% of the $500,000 goal ÷ 5 vehicles)",
    });
    expect(impactProfile(valuesWith({ impactPotential: 10_000 }), 90_000, goal).answer).toBe("Fail");
  });
});

describe("SPEC 3 question 6 track record", () => {
  const withPrior = (priorInvestment: number, priorPipeline: number) =>
    scored("x", { priorInvestment, priorPipeline });
  test("SPEC 3 Q6 passes when prior pipeline per $ ≥ Minimum relative return × the median", () => {
    expect(plain(trackRecord(withPrior(1_000, 2_000), 4, settings))).toEqual({
      answer: "Pass",
      reason: "Prior pipeline per $ 2.00 meets 2.00 (0.5 × the median 4.00)",
    });
  });
  test("SPEC 3 Q6 fails below Minimum relative return × the median", () => {
    expect(plain(trackRecord(withPrior(1_000, 1_900), 4, settings))).toEqual({
      answer: "Fail",
      reason: "Prior pipeline per $ 1.90 is below 2.00 (0.5 × the median 4.00)",
    });
  });
  test("SPEC 3 Q6 fails when Prior pipeline is 0 even with a relative return of 0", () => {
    const noReturn = settingsWith({ minimumRelativeReturn: 0 });
    expect(plain(trackRecord(withPrior(1_000, 0), 0, noReturn))).toEqual({
      answer: "Fail",
      reason: "Prior pipeline is $0",
    });
  });
  test("SPEC 3 Q6 without a track record is n/a, or Fail when Require track record is Yes", () => {
    expect(trackRecord(scored("x"), null, settings).answer).toBe("n/a");
    expect(trackRecord(scored("x", { priorInvestment: 0, priorPipeline: 5 }), null, settings).answer).toBe(
      "n/a",
    );
    expect(trackRecord(scored("x"), 3, settingsWith({ requireTrackRecord: true })).answer).toBe("Fail");
  });
  test("SPEC 3 Q6 median over all valid rows with a prior pipeline per dollar, even count = mean of the middle two", () => {
    // prior per $: 1, 2, 6, 8 → median 4, threshold 2 → 1 fails, 2 passes.
    const vehicles = [
      scored("a", { priorInvestment: 1_000, priorPipeline: 1_000 }),
      scored("b", { priorInvestment: 1_000, priorPipeline: 2_000 }),
      scored("c", { priorInvestment: 1_000, priorPipeline: 6_000 }),
      scored("d", { priorInvestment: 1_000, priorPipeline: 8_000 }),
      scored("e"),
    ];
    const answers = answerQuestions(vehicles, settings);
    expect(answers.map((row) => row[5].answer)).toEqual(["Fail", "Pass", "Pass", "Pass", "n/a"]);
    expect(answers[1][5].reason).toContain("the median 4.00");
  });
});

describe("SPEC 3 question 7 efficiency against comparable alternatives", () => {
  test("SPEC 3 Q7 passes when E ≥ the median E of its channel's rows that pass 1–6", () => {
    // E: 1, 2, 3 in one channel → median 2.
    const vehicles = [1, 2, 3].map((e) => scored(`v${e}`, { pipeline: e * 10_000 }, "Events"));
    const answers = answerQuestions(vehicles, settings);
    expect(answers.map((row) => row[6].answer)).toEqual(["Fail", "Pass", "Pass"]);
    expect(answers[0][6].reason).toBe(
      "Efficiency 1.00 is below the median 2.00 of 3 comparable vehicles in Events",
    );
  });
  test("SPEC 3 Q7 channels are matched trimmed-and-case-insensitive (by key), other channels do not count", () => {
    const vehicles = [
      scored("a", { pipeline: 10_000 }, "Events"),
      { ...scored("b", { pipeline: 40_000 }, "events"), channelKey: "events" },
      scored("c", { pipeline: 90_000 }, "Search"),
    ];
    const answers = answerQuestions(vehicles, settings);
    // Events: 1 and 4 → median 2.5; Search alone.
    expect(answers.map((row) => row[6].answer)).toEqual(["Fail", "Pass", "Pass"]);
    expect(answers[2][6].reason).toBe(
      "Efficiency 9.00 meets its own 9.00 (no other comparable vehicle in Search)",
    );
  });
  test("SPEC 3 Q7 a row failing an earlier question is compared with the passing rows plus itself", () => {
    // Passing: E 2 and 4 (median 3). The failing row (E 3.5) is judged against {2, 3.5, 4} → median 3.5 → Pass,
    // and does not enter the set of the others; "g" (E 1.5, Q2 set to No) is judged against {1.5, 2, 4} → Fail.
    const vehicles = [
      scored("p2", { pipeline: 20_000 }, "Web"),
      scored("p4", { pipeline: 40_000 }, "Web"),
      scored("f", { pipeline: 35_000, objectives: ["Awareness"] }, "Web"),
      scored("g", { pipeline: 15_000, handAnswers: hand("-N-----") }, "Web"),
    ];
    const answers = answerQuestions(vehicles, settings);
    expect(answers.map((row) => row[6].answer)).toEqual(["Fail", "Pass", "Pass", "Fail"]);
    expect(answers[2][0].answer).toBe("Fail");
    expect(answers[2][6].reason).toContain("the median 3.50 of 3 comparable vehicles");
  });
  test("SPEC 3 Q7 the comparable set counts hand answers of questions 1–6", () => {
    // "f" fails Q1 by its data but Q1 is set to Yes by hand, so it joins the set {1, 5, 6} → median 5.
    const vehicles = [
      scored("a", { pipeline: 10_000 }, "Web"),
      scored("b", { pipeline: 50_000 }, "Web"),
      scored("f", { pipeline: 60_000, objectives: ["Awareness"], handAnswers: hand("Y------") }, "Web"),
    ];
    const answers = answerQuestions(vehicles, settings);
    expect(plain(answers[2][0])).toEqual({ answer: "Pass", reason: "set by hand" });
    expect(answers.map((row) => row[6].answer)).toEqual(["Fail", "Pass", "Pass"]);
  });
  test("SPEC 3 every valid row gets a Q7 answer", () => {
    const vehicles = [scored("a", { objectives: ["Value"] }), scored("b", { reach: 0.01 })];
    for (const row of answerQuestions(vehicles, settings)) expect(row).toHaveLength(7);
  });
});

describe("SPEC 3 hand answers", () => {
  test("SPEC 3 a Yes or No in Qk replaces the computed answer with the reason 'set by hand'", () => {
    const vehicle = scored("a", {
      reach: 0.01,
      objectives: ["Conversion"],
      handAnswers: hand("N-Y----"),
    });
    const answers = answerQuestions([vehicle], settings)[0];
    expect(answers[0]).toEqual({ answer: "Fail", reason: "set by hand" });
    expect(answers[2]).toEqual({ answer: "Pass", reason: "set by hand" });
    expect(answers[1].answer).toBe("Fail");
  });
  test("SPEC 3 a hand Yes in Q7 passes a row its efficiency would fail", () => {
    const vehicles = [
      scored("a", { pipeline: 1_000, handAnswers: hand("------Y") }, "W"),
      scored("b", {}, "W"),
    ];
    expect(plain(answerQuestions(vehicles, settings)[0][6])).toEqual({
      answer: "Pass",
      reason: "set by hand",
    });
  });
});

describe("SPEC 3 median", () => {
  test("SPEC 3 median of an odd count is the middle value; of an even count the mean of the middle two", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([])).toBeNull();
  });
  test("SPEC 3 median after taking one value out and putting another in equals the median of the changed list", () => {
    const list = fc.array(fc.integer({ min: -20, max: 20 }), { maxLength: 12 });
    fc.assert(
      fc.property(list, fc.nat(), fc.option(fc.integer({ min: -25, max: 25 })), (values, pick, added) => {
        const sorted = [...values].sort((a, b) => a - b);
        const removed = values.length > 0 ? values[pick % values.length] : null;
        const changed = [...values];
        if (removed !== null) changed.splice(changed.indexOf(removed), 1);
        if (added !== null) changed.push(added);
        expect(medianAfterChange(sorted, removed, added)).toBe(median(changed));
      }),
    );
  });
});

describe("SPEC 3 reasons", () => {
  test("SPEC 3 a computed answer serialises as a plain { answer, reason }", () => {
    const answer = reachAndResonance(valuesWith({ reach: 0.12 }), settings);
    expect(JSON.parse(JSON.stringify(answer))).toEqual({
      answer: "Fail",
      reason: "Reach 12% is below the minimum of 20%",
    });
  });
});

describe("SPEC 3 the answer sheet", () => {
  const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });
  const vehicle = fc.record({
    objectives: maybe(fc.subarray(["Awareness", "Consideration", "Conversion"] as const)),
    reach: maybe(fc.constantFrom(0, 0.1, 0.2, 0.5, 1)),
    resonance: maybe(fc.integer({ min: 1, max: 5 })),
    messageLength: maybe(
      fc.constantFrom("Short", "Medium", "Long") as fc.Arbitrary<"Short" | "Medium" | "Long">,
    ),
    skillToday: maybe(fc.integer({ min: 1, max: 5 })),
    skillTomorrow: maybe(fc.integer({ min: 1, max: 5 })),
    priorInvestment: maybe(fc.constantFrom(0, 5_000, 10_000)),
    priorPipeline: maybe(fc.constantFrom(0, 10_000, 40_000)),
    investment: fc.constantFrom(1_000, 10_000, 30_000),
    pipeline: fc.constantFrom(0, 20_000, 90_000, 400_000),
    handAnswers: fc.array(fc.constantFrom(true, false, null, null, null), { minLength: 7, maxLength: 7 }),
    channel: fc.constantFrom("Events", "Digital", "Print"),
  });
  const settings = fc.record({
    objective: fc.constantFrom("Awareness", "Conversion") as fc.Arbitrary<"Awareness" | "Conversion">,
    requireTrackRecord: fc.boolean(),
    countSkillTomorrow: fc.boolean(),
    bandwidth: fc.integer({ min: 1, max: 4 }),
  });

  test("SPEC 3 the kept Pass / Fail / n/a of every row are the answers its reasons are worded for", () => {
    fc.assert(
      fc.property(fc.array(vehicle, { maxLength: 12 }), settings, (rows, changes) => {
        const plan = settingsWith({ ...changes, pipelineGoal: 500_000 });
        const vehicles = rows.map(({ channel, ...values }, index) =>
          scored(`v${index}`, values, channel, plan),
        );
        const sheet = new AnswerSheet(vehicles, plan);
        const worded = answerQuestions(vehicles, plan);
        vehicles.forEach((_, row) => {
          const answers = sheet.answersOf(row);
          expect(answers.map((answer) => answer.answer)).toEqual(worded[row].map((answer) => answer.answer));
          answers.forEach((answer, index) => {
            expect(sheet.answer(row, index)).toBe(answer.answer);
            expect(answer.reason).not.toBe("");
          });
          const failing = answers.findIndex((answer) => answer.answer === "Fail");
          expect(sheet.firstFailing(row)).toBe(failing < 0 ? null : failing + 1);
          expect(sheet.passesFirst(row, 6)).toBe(
            answers.slice(0, 6).every((answer) => answer.answer !== "Fail"),
          );
        });
      }),
    );
  });
});
