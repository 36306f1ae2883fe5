import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { profileSchema, type Profile } from '../../../src-shared/projects';
import { Field } from '../../components/Field';
import { useClient } from '../../app/client-context';

/** First start: who is using this laptop. The name signs every change in the activity trail. */
export function ProfileSetup({ onDone }: { onDone(p: Profile): void }) {
  const client = useClient();
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<Profile>({
    resolver: zodResolver(profileSchema),
    defaultValues: { name: '', initials: '' },
  });
  return (
    <div className="card center-card">
      <h1>Welcome to Signwright</h1>
      <p className="muted">
        Tell us who you are. Your name is recorded with every change you make.
      </p>
      <form
        onSubmit={handleSubmit(async (p) => onDone(await client.call('profile:set', p)))}
        noValidate
        style={{ display: 'grid', gap: 10 }}
      >
        {/* eslint-disable-next-line jsx-a11y/no-autofocus -- the first start: this screen exists to type a name */}
        <Field label="Your name" autoFocus error={errors.name?.message} {...register('name')} />
        <Field label="Initials" error={errors.initials?.message} {...register('initials')} />
        <button className="btn primary" type="submit" disabled={isSubmitting}>
          Continue
        </button>
      </form>
    </div>
  );
}
