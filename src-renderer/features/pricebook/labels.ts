export const SOURCE_LABELS = {
  seed: 'Starter book',
  edit: 'Edited',
  import: 'CSV import',
} as const;
