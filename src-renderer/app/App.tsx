import type { ReactNode } from 'react';
import { ProfileSetup } from '../features/profile/ProfileSetup';
import { ProjectList } from '../features/projects/ProjectList';
import { ProjectPage } from '../features/projects/ProjectPage';
import { useQuery } from './client-context';
import { useRouter, type Route } from './router';
import { railItems, screens } from './screens';
import { Toasts } from './toasts';
import { useFocusHeading } from './use-focus-heading';

function RailLink({ to, label, current }: { to: Route; label: ReactNode; current: boolean }) {
  const go = useRouter((s) => s.go);
  return (
    <a
      href={`#/${to.name}`}
      aria-current={current ? 'page' : undefined}
      onClick={(e) => {
        e.preventDefault();
        go(to);
      }}
    >
      {label}
    </a>
  );
}

export function App() {
  const route = useRouter((s) => s.route);
  // signing in to a server renames the local profile: refresh on sync events
  const profile = useQuery('profile:get', {}, ['sync:status', 'profile:changed']);
  useFocusHeading(
    route.name === 'project' ? `project:${route.id}` : route.name,
    route.name === 'projects' || !profile.data,
  );
  if (profile.error) {
    return (
      <div className="fatal" role="alert">
        <h1>Signwright cannot start</h1>
        <p>{profile.error.message}</p>
      </div>
    );
  }
  if (profile.loading && profile.data === undefined) return null;
  if (!profile.data) {
    return (
      <>
        <ProfileSetup onDone={() => profile.reload()} />
        <Toasts />
      </>
    );
  }
  const section = route.name === 'project' ? 'projects' : route.name;
  const Screen = screens[route.name as keyof typeof screens];
  return (
    <div className="shell">
      <nav className="rail" aria-label="Main">
        <div className="brand">Signwright</div>
        <RailLink to={{ name: 'projects' }} label="Projects" current={section === 'projects'} />
        {railItems.map((item) => (
          <RailLink
            key={item.route.name}
            to={item.route}
            label={item.label}
            current={section === item.route.name}
          />
        ))}
        <div className="spacer" />
        <a
          className="who"
          href="#/settings"
          title="Your profile: change it in Settings"
          onClick={(e) => {
            e.preventDefault();
            useRouter.getState().go({ name: 'settings' });
          }}
        >
          {profile.data.name} ({profile.data.initials})
        </a>
      </nav>
      <main>
        {route.name === 'projects' && <ProjectList />}
        {route.name === 'project' && <ProjectPage key={route.id} id={route.id} tab={route.tab} />}
        {Screen && <Screen />}
      </main>
      <Toasts />
    </div>
  );
}
