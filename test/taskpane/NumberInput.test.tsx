import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import type { FieldKey, SettingKey } from "../../src/core/model";
import { NumberInput } from "../../src/taskpane/components/NumberInput";

function Field({ valueKey, target }: { valueKey: FieldKey | SettingKey; target: "setting" | "vehicle" }) {
  const [value, setValue] = useState("");
  return (
    <label>
      Value
      <NumberInput target={target} valueKey={valueKey} value={value} onChange={setValue} />
    </label>
  );
}

function renderField(valueKey: FieldKey | SettingKey, target: "setting" | "vehicle" = "vehicle") {
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <Field valueKey={valueKey} target={target} />
    </FluentProvider>,
  );
  return { user, input: screen.getByRole("textbox", { name: "Value" }) as HTMLInputElement };
}

/** Types one key at a time and records what the field shows after each, with `|` where the caret is. */
async function shownWhileTyping(
  user: ReturnType<typeof userEvent.setup>,
  input: HTMLInputElement,
  keys: string[],
): Promise<string[]> {
  const shown: string[] = [];
  for (const key of keys) {
    await user.keyboard(key);
    const caret = input.selectionStart ?? -1;
    shown.push(`${input.value.slice(0, caret)}|${input.value.slice(caret)}`);
  }
  return shown;
}

describe("issue 17.7 numbers show their separators as they are typed", () => {
  test("money typed digit by digit reads $260,000 with the caret after the last digit", async () => {
    const { user, input } = renderField("investment");
    await user.click(input);
    expect(await shownWhileTyping(user, input, [..."260000"])).toEqual([
      "$2|",
      "$26|",
      "$260|",
      "$2,600|",
      "$26,000|",
      "$260,000|",
    ]);
  });

  test("a digit typed in the middle keeps the caret after it, and Backspace on a separator deletes the digit before it", async () => {
    const { user, input } = renderField("budget", "setting");
    await user.click(input);
    await user.keyboard("26000");
    input.setSelectionRange(3, 3);
    expect(await shownWhileTyping(user, input, ["0"])).toEqual(["$260|,000"]);
    input.setSelectionRange(5, 5);
    expect(await shownWhileTyping(user, input, ["{Backspace}"])).toEqual(["$26|,000"]);
    expect(input.value).toBe("$26,000");
  });

  test("a count is grouped by thousands; the number typed is never changed", async () => {
    const { user, input } = renderField("leads");
    await user.click(input);
    expect(await shownWhileTyping(user, input, [..."12000.5"])).toEqual([
      "1|",
      "12|",
      "120|",
      "1,200|",
      "12,000|",
      "12,000.|",
      "12,000.5|",
    ]);
  });

  test("a rate above 1 reads as a percentage with the caret before the %, a share from 0 to 1 stays as typed", async () => {
    const { user, input } = renderField("conversion");
    await user.click(input);
    expect(await shownWhileTyping(user, input, ["1", "2", ".", "5"])).toEqual([
      "1|",
      "12|%",
      "12.|%",
      "12.5|%",
    ]);
    await user.tab();
    expect(input.value).toBe("12.5%");
    await user.clear(input);
    expect(await shownWhileTyping(user, input, [..."0.12"])).toEqual(["0|", "0.|", "0.1|", "0.12|"]);
    await user.tab();
    expect(input.value).toBe("12.0%");
  });

  test('a pasted "$1.2k" is kept as pasted and tidied when the field is left', async () => {
    const { user, input } = renderField("investment");
    await user.click(input);
    await user.paste("$1.2k");
    expect(input.value).toBe("$1.2k");
    await user.tab();
    expect(input.value).toBe("$1,200");
  });

  test('a pasted "12%" is kept as pasted', async () => {
    const { user, input } = renderField("conversion");
    await user.click(input);
    await user.paste("12%");
    expect(input.value).toBe("12%");
  });

  test("words are left as typed", async () => {
    const { user, input } = renderField("budget", "setting");
    await user.click(input);
    await user.keyboard("plenty");
    expect(input.value).toBe("plenty");
  });
});
