import type { TFunction } from 'i18next';
import type { PipelineStage } from '@shared/domain/sales/pipeline';

/** A stage's name: the team's own label, else the translated name of a default stage. */
export function stageName(t: TFunction, stage: Pick<PipelineStage, 'id' | 'label'> | undefined): string {
  if (!stage) return t('pipeline.otherStage');
  return stage.label || t(`pipeline.stage.${stage.id}`, { defaultValue: stage.id });
}
