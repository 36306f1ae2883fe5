import { useEffect, useRef } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import type { SignDesignInput } from '../../../src-shared/engine';
import type { DesignForm } from './fields';

/**
 * A monument sits at grade: its clearance is 0 ft by definition, and the form hides the field.
 * A hidden field must never hold a value that blocks the design (the schema refuses a monument
 * with clearance), so choosing "Monument" sets it to 0 and going back to a pole sign restores
 * the clearance the estimator had typed.
 */
export function useSignKindRules(form: UseFormReturn<DesignForm, unknown, SignDesignInput>) {
  const kind = useWatch({ control: form.control, name: 'sign.kind' });
  const poleClearance = useRef<number | null>(null);
  useEffect(() => {
    const clearance = form.getValues('sign.clearanceFt');
    if (kind === 'monument') {
      if (clearance !== 0) {
        if (typeof clearance === 'number' && Number.isFinite(clearance))
          poleClearance.current = clearance;
        form.setValue('sign.clearanceFt', 0, { shouldDirty: true, shouldValidate: true });
      }
    } else if (clearance === 0 && poleClearance.current !== null) {
      form.setValue('sign.clearanceFt', poleClearance.current, {
        shouldDirty: true,
        shouldValidate: true,
      });
      poleClearance.current = null;
    }
  }, [kind, form]);
}
