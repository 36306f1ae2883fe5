import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { profileSchema, type Profile } from '../../../src-shared/projects';
import { Field } from '../../components/Field';

/** Your name and initials: they sign every change in the Activity trail from now on. */
export function ProfileForm({
  profile,
  onSave,
}: {
  profile: Profile;
  onSave(p: Profile): Promise<void>;
}) {
  const {
    register,
    handleSubmit,
    formState: { errors, isDirty, isSubmitting },
  } = useForm<Profile>({ resolver: zodResolver(profileSchema), values: profile });
  return (
    <form aria-label="Profile" className="form" noValidate onSubmit={handleSubmit(onSave)}>
      <Field label="Your name" error={errors.name?.message} {...register('name')} />
      <Field label="Initials" error={errors.initials?.message} {...register('initials')} />
      <p className="hint full" style={{ margin: 0, fontSize: 12, color: 'var(--muted)' }}>
        Changes you make from now on are recorded under the new name; earlier entries keep the name
        they were made with.
      </p>
      <div className="full">
        <button type="submit" className="btn primary" disabled={!isDirty || isSubmitting}>
          Save profile
        </button>
      </div>
    </form>
  );
}
