import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Dropdown,
  Field,
  Option,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { columnLetters } from "../../core/cellReference";
import { FIELD_HEADERS } from "../../core/headers";
import { FIELD_KEYS, type ColumnMapping, type FieldKey } from "../../core/model";
import type { HeaderInfo } from "../usePlanner";

const useStyles = makeStyles({
  grid: { display: "grid", gap: tokens.spacingVerticalS },
});

const ALWAYS_NEEDED: FieldKey[] = ["vehicle", "investment", "leads"];
const PIPELINE_FIELDS: FieldKey[] = ["pipeline", "conversion", "dealSize"];
const OTHER_FIELDS = FIELD_KEYS.filter(
  (field) => !ALWAYS_NEEDED.includes(field) && !PIPELINE_FIELDS.includes(field),
);
const NOT_USED = "none";
const NOT_USED_LABEL = "Not used";

/** SPEC 1.1: Pipeline, or both Conversion rate and Average deal size. */
export function pipelineCovered(mapping: ColumnMapping): boolean {
  return (
    mapping.pipeline !== undefined || (mapping.conversion !== undefined && mapping.dealSize !== undefined)
  );
}

interface MappingEditorProps {
  headers: HeaderInfo[];
  mapping: ColumnMapping;
  /** Sheet column of the block's first column, to name columns by letter. */
  firstColumn: number;
  disabled: boolean;
  onChange(field: FieldKey, column: number | null): void;
}

/** Which column of the vehicle table holds each field; detected from the headers, changeable by hand. */
export function MappingEditor({ headers, mapping, firstColumn, disabled, onChange }: MappingEditorProps) {
  const styles = useStyles();
  const headerLabel = (column: number) => {
    const header = headers.find((h) => h.column === column);
    const text = header?.text.trim() ? header.text.trim() : "(no header)";
    return `${text} (column ${columnLetters(firstColumn + column)})`;
  };
  const matched = FIELD_KEYS.filter((field) => mapping[field] !== undefined).length;
  const pipelineMissing = !pipelineCovered(mapping);

  const fieldControl = (field: FieldKey) => {
    const column = mapping[field];
    const alwaysNeeded = ALWAYS_NEEDED.includes(field);
    let validation: string | undefined;
    if (alwaysNeeded && column === undefined)
      validation = `Required: choose the column with the ${FIELD_HEADERS[field]}.`;
    else if (pipelineMissing && PIPELINE_FIELDS.includes(field) && column === undefined) {
      validation = "Required: Pipeline, or both Conversion rate and Average deal size.";
    }
    return (
      <Field
        key={field}
        label={FIELD_HEADERS[field]}
        required={alwaysNeeded}
        validationState={validation ? "error" : "none"}
        validationMessage={validation}
      >
        <Dropdown
          value={column === undefined ? NOT_USED_LABEL : headerLabel(column)}
          selectedOptions={[column === undefined ? NOT_USED : String(column)]}
          disabled={disabled}
          onOptionSelect={(_event, data) =>
            onChange(
              field,
              data.optionValue === NOT_USED || data.optionValue === undefined
                ? null
                : Number(data.optionValue),
            )
          }
        >
          <Option value={NOT_USED}>{NOT_USED_LABEL}</Option>
          {headers.map((header) => (
            <Option key={header.column} value={String(header.column)} text={headerLabel(header.column)}>
              {headerLabel(header.column)}
            </Option>
          ))}
        </Dropdown>
      </Field>
    );
  };

  return (
    <div className={styles.grid}>
      <Text>{`${matched} of ${FIELD_KEYS.length} fields matched to a column.`}</Text>
      {ALWAYS_NEEDED.map(fieldControl)}
      <Text>Pipeline, or both Conversion rate and Average deal size:</Text>
      {PIPELINE_FIELDS.map(fieldControl)}
      <Accordion collapsible>
        <AccordionItem value="other-columns">
          <AccordionHeader>Other columns</AccordionHeader>
          <AccordionPanel>
            <div className={styles.grid}>{OTHER_FIELDS.map(fieldControl)}</div>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </div>
  );
}
