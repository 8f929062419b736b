import { invalid } from '../shared/errors.js';
import { duplicatesIn } from '../shared/rules.js';
import { resolutionPartKinds, type ResolutionPart } from './resolution.events.js';

export const validateParts = (parts: readonly ResolutionPart[]): void => {
  if (parts.length === 0) {
    throw invalid('parts-required', 'A resolution needs at least one part', { field: 'parts' });
  }
  parts.forEach((part, index) => {
    if (part.label.trim() === '') {
      throw invalid('part-label-required', `Part ${index} has no label`, { field: `parts[${index}].label` });
    }
    if (part.text.trim() === '') {
      throw invalid('part-text-required', `Part ${part.label} has no text`, { field: `parts[${index}].text` });
    }
    if (!(resolutionPartKinds as readonly string[]).includes(part.kind)) {
      throw invalid('part-kind-unknown', `Part ${part.label} has unknown kind ${String(part.kind)}`, {
        field: `parts[${index}].kind`,
        allowed: resolutionPartKinds,
      });
    }
  });
  const duplicated = duplicatesIn(parts.map((part) => part.label));
  if (duplicated.length > 0) {
    throw invalid('part-labels-duplicated', `Part labels must be unique: ${duplicated.join(', ')}`, {
      labels: duplicated,
    });
  }
};

export const sameParts = (a: readonly ResolutionPart[], b: readonly ResolutionPart[]): boolean =>
  a.length === b.length &&
  a.every((part, index) => {
    const other = b[index];
    return other !== undefined && part.label === other.label && part.text === other.text && part.kind === other.kind;
  });

/** Copies only the known fields, so nothing extra a caller attached ends up in an event. */
export const cleanParts = (parts: readonly ResolutionPart[]): ResolutionPart[] =>
  parts.map(({ label, text, kind }) => ({ label, text, kind }));
