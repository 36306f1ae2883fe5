import { useEffect } from 'react';
import { create } from 'zustand';

export interface Toast {
  id: number;
  text: string;
  kind: 'info' | 'error';
  action?: { label: string; run: () => void | Promise<void> };
}

interface ToastState {
  toasts: Toast[];
  push(t: Omit<Toast, 'id'>): void;
  dismiss(id: number): void;
}

let nextId = 1;
export const useToasts = create<ToastState>((set) => ({
  toasts: [],
  push: (t) => set((s) => ({ toasts: [...s.toasts.slice(-2), { ...t, id: nextId++ }] })),
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}));

export const toast = {
  info: (text: string, action?: Toast['action']) =>
    useToasts.getState().push({ text, kind: 'info', action }),
  error: (text: string, action?: Toast['action']) =>
    useToasts.getState().push({ text, kind: 'error', action }),
};

/** Runs a command: an error shows as an error toast, `done` as an info toast when it worked. */
export async function withToast(what: () => Promise<unknown>, done?: string): Promise<void> {
  try {
    await what();
    if (done) toast.info(done);
  } catch (e) {
    toast.error((e as Error).message);
  }
}

function ToastItem({ t }: { t: Toast }) {
  const dismiss = useToasts((s) => s.dismiss);
  useEffect(() => {
    const timer = setTimeout(() => dismiss(t.id), t.action ? 8000 : 4000);
    return () => clearTimeout(timer);
  }, [t, dismiss]);
  return (
    <div className={`toast ${t.kind}`} role={t.kind === 'error' ? 'alert' : 'status'}>
      <span>{t.text}</span>
      {t.action && (
        <button
          onClick={async () => {
            dismiss(t.id);
            await t.action!.run();
          }}
        >
          {t.action.label}
        </button>
      )}
    </div>
  );
}

export function Toasts() {
  const toasts = useToasts((s) => s.toasts);
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((t) => (
        <ToastItem key={t.id} t={t} />
      ))}
    </div>
  );
}
