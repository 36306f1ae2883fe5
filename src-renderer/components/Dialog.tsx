import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog (WAI-ARIA dialog pattern): focus moves into it on open (the first field, or the
 * element marked `data-autofocus`), Tab and Shift+Tab stay inside, Escape and a click on the
 * backdrop close it, and focus returns to whatever had it before.
 */
export function Dialog({
  labelledBy,
  onClose,
  children,
  width,
}: {
  labelledBy: string;
  onClose(): void;
  children: ReactNode;
  width?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const closeRef = useRef(onClose);
  useLayoutEffect(() => {
    closeRef.current = onClose;
  });

  // who had the focus before the dialog rendered (an autoFocus field inside takes it at commit)
  const [opener] = useState(() => document.activeElement as HTMLElement | null);
  useEffect(() => {
    const box = ref.current!;
    // back to the control that opened the dialog, if it is still on the page
    const restore = () => {
      if (opener && document.contains(opener)) opener.focus();
    };
    if (box.contains(document.activeElement)) return restore;
    const first =
      box.querySelector<HTMLElement>('[data-autofocus]') ??
      box.querySelector<HTMLElement>('input, select, textarea') ??
      box.querySelector<HTMLElement>(FOCUSABLE) ??
      box;
    first.focus();
    return restore;
  }, [opener]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      closeRef.current();
      return;
    }
    if (e.key !== 'Tab') return;
    const items = [...ref.current!.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (el) => el.offsetParent !== null || el === document.activeElement,
    );
    if (!items.length) return;
    const first = items[0];
    const last = items[items.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    // the backdrop click is a mouse shortcut for Esc (handled for the keyboard): presentation only
    <div
      role="presentation"
      className="dialog-backdrop"
      onMouseDown={(e) => e.target === e.currentTarget && onClose()}
    >
      {/* keeps Tab inside the modal (WAI-ARIA APG dialog pattern), keys from its controls */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <div
        ref={ref}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelledBy}
        tabIndex={-1}
        style={width ? { width } : undefined}
        onKeyDown={onKeyDown}
      >
        {children}
      </div>
    </div>
  );
}
