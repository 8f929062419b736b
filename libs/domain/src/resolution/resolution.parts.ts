import { invalid } from '../shared/errors.js';
import { duplicatesIn } from '../shared/rules.js';
import { resolutionPartKinds, type ResolutionPart } from './resolution.events.js';

/** How messages name a part: its label, or its place when it has none. */
const nameOf = (part: ResolutionPart, index: number): string => part.label ?? `#${index + 1}`;

/** A label is optional only on the one part of a single-part resolution; several parts are told apart by their labels. */
export const validateParts = (parts: readonly ResolutionPart[]): void => {
  if (parts.length === 0) {
    throw invalid('parts-required', 'A resolution needs at least one part', { field: 'parts' });
  }
  parts.forEach((part, index) => {
    if (part.label === undefined ? parts.length > 1 : part.label.trim() === '') {
      const why = part.label === undefined ? 'a resolution of several parts labels each one' : 'a label given must not be blank';
      throw invalid('part-label-required', `Part ${index + 1} has no label: ${why}`, { field: `parts[${index}].label` });
    }
    if (part.text.trim() === '') {
      throw invalid('part-text-required', `Part ${nameOf(part, index)} has no text`, { field: `parts[${index}].text` });
    }
    if (!(resolutionPartKinds as readonly string[]).includes(part.kind)) {
      throw invalid('part-kind-unknown', `Part ${nameOf(part, index)} has unknown kind ${String(part.kind)}`, {
        field: `parts[${index}].kind`,
        allowed: resolutionPartKinds,
      });
    }
  });
  const duplicated = duplicatesIn(parts.flatMap((part) => (part.label === undefined ? [] : [part.label])));
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

/** Copies only the known fields, so nothing extra a caller attached ends up in an event; an absent label stays absent. */
export const cleanParts = (parts: readonly ResolutionPart[]): ResolutionPart[] =>
  parts.map(({ label, text, kind }) => (label === undefined ? { text, kind } : { label, text, kind }));
