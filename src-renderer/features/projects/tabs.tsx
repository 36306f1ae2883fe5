import type { ReactNode } from 'react';
import type { Project } from '../../../src-shared/projects';
import { DesignTab } from '../design/DesignTab';

/** Tabs contributed by other areas (design, quote, files), between Overview and Activity. */
export const projectTabs: { key: string; label: string; render: (p: Project) => ReactNode }[] = [
  { key: 'design', label: 'Design', render: (p) => <DesignTab project={p} /> },
];
