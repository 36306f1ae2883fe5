import type { Revision } from '../../src-shared/designs';
import { AppError } from '../../src-shared/errors';
import { designVerdict, type DesignVerdict } from '../../src-shared/engine';
import {
  acknowledges,
  describeSign,
  verdictHeadline,
  type AcknowledgeInput,
  type DesignAcknowledgement,
  type PriceItem,
  type QuoteSettings,
} from '../../src-shared/quotes';
import type { ServiceContext } from './context';

/**
 * What the quote side needs to know about the design it prices, read from the stored design
 * revision (immutable, so every read gives the same answer): whether it passes, and the sign's
 * plain description for the customer quote.
 */

export function verdictOf(rev: Revision): DesignVerdict {
  return designVerdict(rev.result);
}

/** The cabinet material a price book item names ("Aluminum cabinet, illuminated" -> aluminum). */
function materialOf(name: string | undefined): string | undefined {
  const m = /\b(aluminum|aluminium|steel|stainless steel|acrylic|wood|stone|masonry)\b/i.exec(
    name ?? '',
  );
  return m ? m[1].toLowerCase() : undefined;
}

export function describeRevision(
  rev: Revision,
  settings: QuoteSettings,
  items: readonly PriceItem[],
): string {
  const cabinets = items.filter((i) => i.category === 'cabinet');
  const cabinet = settings.cabinetCode
    ? cabinets.find((c) => c.code === settings.cabinetCode)
    : cabinets[0];
  const s = rev.result.summary;
  return describeSign({
    kind: rev.input.sign.kind,
    clearanceFt: rev.input.sign.clearanceFt,
    cabinets: rev.input.sign.cabinets,
    gapsFt: rev.input.sign.gapsFt,
    poleCount: rev.input.supports.poleCount,
    designation: s.pole.designation || rev.result.poles.closest.designation,
    overallFt: rev.result.wind.topHeightFt,
    footing: { diameterFt: s.foundation.diameterFt, depthFt: s.foundation.depthFt },
    faceSides: settings.faceSides,
    illuminated: settings.illuminated,
    material: materialOf(cabinet?.name),
  });
}

/**
 * Refuses a quote step on a design that does not pass unless the caller acknowledged every reason
 * (enforced here, not only in the UI). Returns the acknowledgement to record, or null if it passes.
 */
export function requireAcknowledgement(
  ctx: ServiceContext,
  verdict: DesignVerdict,
  ack: AcknowledgeInput | undefined,
  kind: DesignAcknowledgement['kind'],
  what: string,
): DesignAcknowledgement | null {
  if (verdict.status === 'passes') return null;
  if (!acknowledges(verdict, ack))
    throw new AppError(
      'VALIDATION',
      `${verdictHeadline(verdict)}: ${verdict.reasons.join(' ')} ${what} needs your explicit acknowledgement of ${verdict.reasons.length === 1 ? 'this reason' : 'these reasons'}.`,
      { acknowledge: `Acknowledge: ${verdictHeadline(verdict).toLowerCase()}` },
    );
  return {
    kind,
    status: verdict.status,
    reasons: [...verdict.reasons],
    by: ctx.actor(),
    at: ctx.now(),
  };
}
