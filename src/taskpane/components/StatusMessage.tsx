import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { Status } from "../usePlanner";

/** What the last action did; a polite live region so screen readers hear it too. */
export function StatusMessage({ status }: { status: Status | null }) {
  return (
    <div role="status" aria-live="polite" aria-atomic="true">
      {status && (
        <MessageBar intent={status.intent} layout="multiline">
          <MessageBarBody>{status.text}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
