import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Dropdown,
  Field,
  Input,
  Option,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { SettingKey } from "../../core/model";
import { SETTING_NAMES } from "../../core/publicNames";
import { NumberInput } from "./NumberInput";
import {
  ADVANCED_SETTINGS,
  MAIN_SETTINGS,
  settingProblem,
  type SettingSpec,
  type SettingTexts,
} from "../settingsForm";

const useStyles = makeStyles({
  grid: { display: "grid", gap: tokens.spacingVerticalS },
});

interface SettingsFormProps {
  texts: SettingTexts;
  disabled: boolean;
  onChange(key: SettingKey, text: string): void;
  onSave(): void;
  /** A setting to open and put the keyboard on (a warning's "Go to …" button); a new object each time. */
  focusRequest?: { key: SettingKey } | null;
}

/** The id of a setting's field, so a warning can take the user to it. */
function settingFieldId(key: SettingKey): string {
  return `setting-${key}`;
}

function SettingControl({
  spec,
  text,
  disabled,
  onChange,
}: {
  spec: SettingSpec;
  text: string;
  disabled: boolean;
  onChange(key: SettingKey, text: string): void;
}) {
  const { key, control, placeholder } = spec;
  const problem = settingProblem(key, text);
  const field = {
    id: settingFieldId(key),
    label: SETTING_NAMES[key],
    validationState: problem && problem.severity !== "info" ? problem.severity : ("none" as const),
    validationMessage: problem?.message,
  };
  if (control.kind === "choice") {
    const selected = control.options.find((option) => option.toLowerCase() === text.trim().toLowerCase());
    return (
      <Field {...field}>
        <Dropdown
          placeholder={`${placeholder} (default)`}
          value={text}
          selectedOptions={selected ? [selected] : [""]}
          disabled={disabled}
          onOptionSelect={(_event, data) => onChange(key, data.optionValue ?? "")}
        >
          <Option value="" text={`Default (${placeholder})`}>{`Default (${placeholder})`}</Option>
          {control.options.map((option) => (
            <Option key={option} value={option}>
              {option}
            </Option>
          ))}
        </Dropdown>
      </Field>
    );
  }
  if (control.kind === "whole") {
    return (
      <Field {...field}>
        {/* A number input (role spinbutton, arrow keys step it) rather than Fluent's SpinButton,
            whose own package would add kilobytes to what the pane loads at start. */}
        <Input
          type="number"
          min={1}
          step={1}
          inputMode="numeric"
          value={text}
          placeholder={placeholder}
          disabled={disabled}
          onChange={(_event, data) => onChange(key, data.value)}
        />
      </Field>
    );
  }
  return (
    <Field {...field}>
      <NumberInput
        target="setting"
        valueKey={key}
        value={text}
        placeholder={placeholder}
        disabled={disabled}
        onChange={(next) => onChange(key, next)}
      />
    </Field>
  );
}

/** SPEC 1.2 settings; blank takes the default shown as the placeholder. */
export function SettingsForm({ texts, disabled, onChange, onSave, focusRequest }: SettingsFormProps) {
  const styles = useStyles();
  const [advancedOpen, setAdvancedOpen] = useState(false);

  useEffect(() => {
    if (!focusRequest) return;
    if (ADVANCED_SETTINGS.some((spec) => spec.key === focusRequest.key)) setAdvancedOpen(true);
    // The Advanced panel renders its controls on the next frame after it opens.
    const frame = requestAnimationFrame(() => {
      const control = document
        .getElementById(settingFieldId(focusRequest.key))
        ?.querySelector<HTMLElement>("input, button");
      control?.scrollIntoView?.({ block: "center" });
      control?.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [focusRequest]);

  const control = (spec: SettingSpec) => (
    <SettingControl
      key={spec.key}
      spec={spec}
      text={texts[spec.key] ?? ""}
      disabled={disabled}
      onChange={onChange}
    />
  );
  return (
    <div className={styles.grid}>
      {MAIN_SETTINGS.map(control)}
      <Accordion
        collapsible
        openItems={advancedOpen ? ["advanced"] : []}
        onToggle={(_event, data) => setAdvancedOpen(data.openItems.includes("advanced"))}
      >
        <AccordionItem value="advanced">
          <AccordionHeader>Advanced</AccordionHeader>
          <AccordionPanel>
            <div className={styles.grid}>{ADVANCED_SETTINGS.map(control)}</div>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
      <div>
        <Button disabled={disabled} onClick={onSave}>
          Save settings
        </Button>
      </div>
    </div>
  );
}
