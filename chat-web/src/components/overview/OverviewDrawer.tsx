import { useEffect, useRef, type ReactNode } from 'react';

export interface OverviewDrawerProps {
  open: boolean;
  onClose: () => void;
  titleId: string;
  children: ReactNode;
}

/**
 * The overview on narrow screens: a modal <dialog>. showModal() makes the rest of the page inert and
 * moves focus into it (to the Close button, its first control); Escape and a click outside close it.
 * The opener gets the focus back (Chat's onClose).
 */
export function OverviewDrawer({ open, onClose, titleId, children }: OverviewDrawerProps) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      id="bb-overview-drawer"
      className="bb-drawer"
      aria-labelledby={titleId}
      data-testid="overview-drawer"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog element itself.
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div className="bb-drawer__header">
        <h2 id={titleId} className="bb-overview__title">
          Overview
        </h2>
        <button type="button" className="bb-button" onClick={onClose}>
          Close
        </button>
      </div>
      {children}
    </dialog>
  );
}
