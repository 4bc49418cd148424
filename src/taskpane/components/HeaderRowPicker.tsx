import { Dropdown, Field, Option } from "@fluentui/react-components";
import type { HeaderRowChoice } from "../../core/headerRow";

/** How many of a row's texts its option shows: enough to recognise the row at the pane's width. */
const TEXTS_SHOWN = 4;

function choiceLabel(choice: HeaderRowChoice): string {
  const shown = choice.texts.slice(0, TEXTS_SHOWN).join(", ");
  return `Row ${choice.row}: ${shown}${choice.texts.length > TEXTS_SHOWN ? ", …" : ""}`;
}

interface HeaderRowPickerProps {
  choices: HeaderRowChoice[];
  /** The sheet row read as the header row; null while the user has not said which. */
  selected: number | null;
  disabled?: boolean;
  onChoose(row: number): void;
}

/** Issue 17.9: which of the source's first rows holds the vehicle table's headers, when a title sits above them. */
export function HeaderRowPicker({ choices, selected, disabled, onChoose }: HeaderRowPickerProps) {
  const current = choices.find((choice) => choice.row === selected);
  return (
    <Field
      label="Header row"
      hint="The row with Vehicle, Investment, Leads and Pipeline (or their names in your sheet)."
    >
      <Dropdown
        placeholder="Choose the row that holds the headers"
        value={current ? choiceLabel(current) : ""}
        selectedOptions={current ? [String(current.row)] : []}
        disabled={disabled}
        onOptionSelect={(_event, data) => {
          if (data.optionValue !== undefined) onChoose(Number(data.optionValue));
        }}
      >
        {choices.map((choice) => (
          <Option key={choice.row} value={String(choice.row)} text={choiceLabel(choice)}>
            {choiceLabel(choice)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
