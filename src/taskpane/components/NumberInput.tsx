import { Input, type InputProps } from "@fluentui/react-components";
import type { FieldKey, SettingKey } from "../../core/model";
import { deletedSeparator, numberAsTyped } from "../numberAsTyped";
import { tidyText } from "../valueText";

interface NumberInputProps extends Pick<InputProps, "placeholder" | "disabled"> {
  target: "setting" | "vehicle";
  valueKey: FieldKey | SettingKey;
  value: string;
  onChange(text: string): void;
}

/**
 * A text input for a money, count or rate value that shows its separators
 * as the user types (issue 17.7) and tidies the whole value when left.
 * The shown text is set with the caret in the change handler itself, so
 * React, finding the input already showing the new value, leaves the caret be.
 */
export function NumberInput({ target, valueKey, value, onChange, ...props }: NumberInputProps) {
  return (
    <Input
      {...props}
      value={value}
      onChange={(event, data) => {
        const input = event.currentTarget;
        const caret = input.selectionStart ?? data.value.length;
        const inputType = (event.nativeEvent as InputEvent).inputType ?? "";
        const deleted = inputType.startsWith("delete")
          ? deletedSeparator(value, data.value, caret, inputType === "deleteContentBackward")
          : null;
        const typed = deleted ?? { typed: data.value, caret };
        const shown = numberAsTyped(target, valueKey, typed.typed, typed.caret);
        if (shown.text !== data.value || shown.caret !== caret) {
          input.value = shown.text;
          input.setSelectionRange(shown.caret, shown.caret);
        }
        onChange(shown.text);
      }}
      onBlur={() => {
        const tidy = tidyText(target, valueKey, value);
        if (tidy !== value) onChange(tidy);
      }}
    />
  );
}
