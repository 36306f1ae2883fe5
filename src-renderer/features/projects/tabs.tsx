import type { ReactNode } from 'react';
import type { Project } from '../../../src-shared/projects';
import { DesignTab } from '../design/DesignTab';
import { FilesTab } from '../files/FilesTab';
import { QuoteTab } from '../quote/QuoteTab';

/** Tabs contributed by other areas (design, quote, files), between Overview and Activity. */
export const projectTabs: { key: string; label: string; render: (p: Project) => ReactNode }[] = [
  { key: 'design', label: 'Design', render: (p) => <DesignTab project={p} /> },
  { key: 'quote', label: 'Quote', render: (p) => <QuoteTab project={p} /> },
  { key: 'files', label: 'Files', render: (p) => <FilesTab project={p} /> },
];
