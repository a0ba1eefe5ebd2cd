import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useProgrammeMutation } from '../../api/programmes';
import { ConfirmButton } from './shared';

type Kind = 'work-packages' | 'activities' | 'tasks' | 'milestones';

/** Deletes a work package, activity, task or milestone after asking (work packages and activities take their tasks with them). */
export function DeletePlanItem({ programmeId, kind, id, name }: { programmeId: string; kind: Kind; id: string; name: string }) {
  const { t } = useTranslation();
  const remove = useProgrammeMutation(programmeId, () => api.delete(`/api/programmes/${programmeId}/${kind}/${id}`));
  return (
    <ConfirmButton
      label={t('programmes.common.delete')}
      ariaLabel={t('programmes.common.deleteNamed', { name })}
      title={t('programmes.common.delete')}
      question={t(`programmes.plan.deleteQuestion.${kind}`, { name })}
      pending={remove.isPending}
      error={remove.error}
      onConfirm={() => remove.mutate(undefined)}
    />
  );
}
