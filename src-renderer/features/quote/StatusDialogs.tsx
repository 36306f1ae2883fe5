import { useState } from 'react';
import { STATUS_LABELS } from '../../../src-shared/projects';
import { pathText, type ProjectMove, type QuoteRevisionSummary } from '../../../src-shared/quotes';
import { Dialog } from '../../components/Dialog';
import { VerdictPanel } from './VerdictPanel';

/** Sending a quote of a design that does not pass: the reasons, and an explicit yes. */
export function AcknowledgeSendDialog({
  revision,
  onCancel,
  onConfirm,
}: {
  revision: QuoteRevisionSummary;
  onCancel(): void;
  onConfirm(): void;
}) {
  const [ack, setAck] = useState(false);
  return (
    <Dialog labelledBy="ack-send-title" onClose={onCancel}>
      <h2 id="ack-send-title" style={{ marginTop: 0 }}>
        Send quote revision {revision.number}?
      </h2>
      <VerdictPanel
        id="verdict-send"
        verdict={revision.verdict}
        what="send this quote to the customer"
        acknowledged={ack}
        onAcknowledge={setAck}
        acknowledgements={revision.acknowledgements}
      />
      <p className="muted">
        Both PDFs print this status. Your acknowledgement is recorded on the quote.
      </p>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="btn primary" disabled={!ack} onClick={onConfirm}>
          Mark sent
        </button>
      </div>
    </Dialog>
  );
}

/** The quote asks for a project status the state machine reaches only in several steps. */
export function ProjectMoveDialog({
  move,
  onKeep,
  onMove,
}: {
  move: ProjectMove;
  onKeep(): void;
  onMove(): void;
}) {
  return (
    <Dialog labelledBy="move-title" onClose={onKeep}>
      <h2 id="move-title" style={{ marginTop: 0 }}>
        Move the project to {STATUS_LABELS[move.to]}?
      </h2>
      <p>
        The quote is {move.to === 'submitted' ? 'sent' : 'accepted'}. The project is{' '}
        {STATUS_LABELS[move.from]}: moving it to {STATUS_LABELS[move.to]} goes{' '}
        {pathText(move.from, move.path)}.
      </p>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onKeep}>
          Keep it {STATUS_LABELS[move.from]}
        </button>
        <button type="button" className="btn primary" onClick={onMove} data-autofocus>
          Move to {STATUS_LABELS[move.to]}
        </button>
      </div>
    </Dialog>
  );
}
