import { Button, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useRef } from "react";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalM, alignItems: "center", flexWrap: "wrap" },
});

interface FileOpenerProps {
  fileName: string | null;
  busy: boolean;
  onOpen(file: File): void;
  onSample(): void;
}

export const XLSX_TYPES = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Browser mode: `Open workbook` (or drop a file on the pane) and the bundled sample. */
export function FileOpener({ fileName, busy, onOpen, onSample }: FileOpenerProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className={styles.row}>
      <Button
        appearance={fileName ? "secondary" : "primary"}
        disabledFocusable={busy}
        onClick={() => input.current?.click()}
      >
        Open workbook
      </Button>
      <input
        ref={input}
        type="file"
        accept={XLSX_TYPES}
        aria-label="Workbook file"
        hidden
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = "";
          if (file) onOpen(file);
        }}
      />
      {/* Focusable while a workbook opens, so the keyboard stays on the control the user pressed. */}
      <Link as="button" disabledFocusable={busy} onClick={onSample}>
        Try the sample workbook
      </Link>
      <Text>{fileName ? `Open: ${fileName}` : "or drop an .xlsx file on this pane."}</Text>
    </div>
  );
}
