import type { ComponentType, ReactNode } from 'react';
import type { Route } from './router';
import { SettingsScreen } from '../features/settings/SettingsScreen';

/** Left-rail sections beyond Projects; areas register their screens here. */
export const railItems: { route: Route; label: ReactNode }[] = [
  { route: { name: 'settings' }, label: 'Settings' },
];

export const screens: Partial<Record<Route['name'], ComponentType>> = {
  settings: SettingsScreen,
};
