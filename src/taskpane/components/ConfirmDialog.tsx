import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";

export interface ConfirmRequest {
  title: string;
  text: string;
  /** The button that goes ahead: "Replace", "Delete". */
  confirm: string;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * A question that must be answered before a change the user cannot take back;
 * Escape or Cancel answers no. Mounted only while it asks: a closed Fluent
 * dialog still leaves focus sentinels on the page that axe reports.
 */
export function ConfirmDialog({ request }: { request: ConfirmRequest }) {
  return (
    <Dialog
      modalType="alert"
      open
      onOpenChange={(_, data) => {
        if (!data.open) request.onCancel();
      }}
    >
      <DialogSurface aria-describedby="confirm-dialog-text">
        <DialogBody>
          <DialogTitle>{request.title}</DialogTitle>
          <DialogContent id="confirm-dialog-text">{request.text}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => request.onConfirm()}>
              {request.confirm}
            </Button>
            <Button onClick={() => request.onCancel()}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
