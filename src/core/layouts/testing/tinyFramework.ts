/** A framework small enough for readable plan snapshots: two roles, two competencies, one three-level scale. */
import { FrameworkModel } from '../../framework/model';
import { validateFramework } from '../../framework/validate';

export function tinyFramework(): FrameworkModel {
  const { framework, errors } = validateFramework({
    id: 'tiny',
    name: 'Tiny',
    provenance: { title: 'Test', publisher: 'Tests', licence: 'none' },
    scales: [
      {
        id: 'lmh',
        name: 'Low to high',
        levels: [
          { code: 'L', name: 'Low', value: 1, definition: 'Starting out.' },
          { code: 'M', name: 'Medium', value: 2, definition: 'Works alone.' },
          { code: 'H', name: 'High', value: 3, definition: 'Teaches others.' },
        ],
      },
    ],
    categories: [{ id: 'ops', name: 'Operations' }],
    roles: [
      { id: 'junior', name: 'Junior' },
      { id: 'senior', name: 'Senior' },
    ],
    competencies: [
      { id: 'deploy', name: 'Deploy', category: 'ops', scale: 'lmh', descriptors: { L: 'Runs a script.', H: 'Designs the pipeline.' } },
      { id: 'review', name: 'Review', scale: 'lmh' },
    ],
    targets: [
      { role: 'junior', competency: 'deploy', level: 'M' },
      { role: 'senior', competency: 'deploy', level: 'H' },
      { role: 'senior', competency: 'review', level: 'M' },
    ],
  });
  if (!framework) throw new Error(errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return new FrameworkModel(framework);
}
