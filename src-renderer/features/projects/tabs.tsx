import type { ReactNode } from 'react';
import type { Project } from '../../../src-shared/projects';
import { DesignTab } from '../design/DesignTab';
import { FilesTab } from '../files/FilesTab';
import { QuoteTab } from '../quote/QuoteTab';
import { SignsTab } from '../signs/SignsTab';

/** Tabs contributed by other areas (signs, design, quote, files), between Overview and Activity. */
export const projectTabs: { key: string; label: string; render: (p: Project) => ReactNode }[] = [
  { key: 'signs', label: 'Signs', render: (p) => <SignsTab project={p} /> },
  { key: 'design', label: 'Design', render: (p) => <DesignTab project={p} /> },
  { key: 'quote', label: 'Quote', render: (p) => <QuoteTab project={p} /> },
  { key: 'files', label: 'Files', render: (p) => <FilesTab project={p} /> },
];
