import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { isInsecureServer, signInSchema } from '../../../src-shared/sync/client';
import { useClient } from '../../app/client-context';
import { toast } from '../../app/toasts';
import { Field } from '../../components/Field';
import { CommandError } from '../../lib/client';

type SignInIn = z.input<typeof signInSchema>;
type SignInOut = z.output<typeof signInSchema>;

export const INSECURE_WARNING =
  'This address starts with http://: your password and projects would cross the network unencrypted. Use https:// unless IT told you this server is on a trusted network.';

export function SignInForm({ defaultServer }: { defaultServer: string }) {
  const client = useClient();
  const {
    register,
    handleSubmit,
    setError,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<SignInIn, unknown, SignInOut>({
    resolver: zodResolver(signInSchema),
    defaultValues: { serverUrl: defaultServer, email: '', password: '', allowInsecure: false },
  });
  const insecure = isInsecureServer(watch('serverUrl') ?? '');
  return (
    <form
      className="form card"
      aria-label="Sign in to sync"
      noValidate
      onSubmit={handleSubmit(async (v) => {
        try {
          await client.call('sync:sign-in', { ...v, allowInsecure: insecure && v.allowInsecure });
          toast.info('Signed in. Syncing…');
        } catch (e) {
          if (e instanceof CommandError && Object.keys(e.fields).length) {
            for (const [k, m] of Object.entries(e.fields))
              setError(k as keyof SignInIn, { message: m });
          } else toast.error((e as Error).message);
        }
      })}
    >
      <Field
        className="full"
        label="Server URL"
        placeholder="https://sync.yourcompany.com"
        error={errors.serverUrl?.message}
        {...register('serverUrl')}
      />
      {insecure && (
        <div className="full form-error" role="alert" data-testid="insecure-warning">
          {INSECURE_WARNING}
          <label style={{ display: 'block', marginTop: 6 }}>
            <input type="checkbox" {...register('allowInsecure')} /> Allow an unencrypted connection
            to this server
          </label>
        </div>
      )}
      <Field
        label="Email"
        type="email"
        autoComplete="username"
        error={errors.email?.message}
        {...register('email')}
      />
      <Field
        label="Password"
        type="password"
        autoComplete="current-password"
        error={errors.password?.message}
        {...register('password')}
      />
      <div className="full dialog-actions">
        <button className="btn primary" type="submit" disabled={isSubmitting}>
          Sign in
        </button>
      </div>
    </form>
  );
}
