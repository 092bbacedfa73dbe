// Finds a person's position and grade on the salary ladder in force (with their indices, which
// the rule references need to point at the right YAML node).
import type { LoadedPolicy } from '../../policy/model.ts';

type Ladder = LoadedPolicy<'salary_ladder'>;
type Position = Ladder['data']['positions'][number];
type Grade = Position['grades'][number];

export interface LadderPlace {
  ladder: Ladder;
  position: Position;
  posIndex: number;
  grade: Grade;
  gradeIndex: number;
}

export function ladderPlace(ladder: Ladder | undefined, positionId: string, gradeId: string): LadderPlace | undefined {
  if (!ladder) return undefined;
  const posIndex = ladder.data.positions.findIndex((p) => p.id === positionId);
  const position = ladder.data.positions[posIndex];
  if (!position) return undefined;
  const gradeIndex = position.grades.findIndex((g) => g.id === gradeId);
  const grade = position.grades[gradeIndex];
  if (!grade) return undefined;
  return { ladder, position, posIndex, grade, gradeIndex };
}
