import { z } from 'astro/zod';
import { isAddressField, schemaMessages } from './messages.ts';

/**
 * The Zod error map of the organisations schema, for Zod's built-in issues (a missing field, a wrong type,
 * an unknown key with a suggestion): each becomes a message that names the field as written in the file
 * and says what to write (`messages.ts`). The schema's own rules carry their messages inline.
 */
export const organisationErrorMap: z.core.$ZodErrorMap = (issue) => {
  const field = (issue.path ?? []).join('.');
  const { input } = issue;
  const written = String(input);

  switch (issue.code) {
    case 'unrecognized_keys': {
      const validFields = Object.keys(shapeOf(issue.inst));
      return issue.keys.map((key) => schemaMessages.unknownField(field ? `${field}.${key}` : key, validFields)).join(' ');
    }
    case 'invalid_value':
      if (input === undefined) return schemaMessages.missing(field);
      return field === 'support' ? schemaMessages.unknownSupport(written) : schemaMessages.unknownCategory(written);
    case 'too_big':
      return schemaMessages.tooLong(field, Number(issue.maximum), written.length);
    case 'invalid_format':
      return schemaMessages.webAddress(field, written);
    case 'too_small':
      return schemaMessages.empty(field);
    case 'invalid_type':
      if (input === undefined || input === null) return schemaMessages.missing(field);
      // A support date is text (`support-dates.ts`): a number or a list there is a date written wrong.
      if (field === 'since' || field === 'until') return schemaMessages.notADate(field);
      if (issue.expected === 'object') return schemaMessages.expectedObject(field, Object.keys(shapeOf(issue.inst)));
      if (issue.expected === 'int') return schemaMessages.notAnInteger(field);
      if (issue.expected === 'boolean') return schemaMessages.notABoolean(field);
      if (field === 'category') return schemaMessages.unknownCategory(written);
      if (field === 'support') return schemaMessages.unknownSupport(written);
      if (isAddressField(field)) return schemaMessages.webAddress(field, written);
      return schemaMessages.wrongType(field);
    default:
      return undefined;
  }
};

/** The fields of the object schema that raised an issue (to suggest the closest valid one). */
function shapeOf(instance: unknown): Record<string, unknown> {
  return instance instanceof z.ZodObject ? instance.shape : {};
}

/** One issue of an entry's frontmatter: the field as written (`cta.url`) and the message. */
export interface FieldIssue {
  field: string;
  message: string;
}

/** The issues of a failed parse, each named after the field to change (an unknown field, not its parent). */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.join('.');
    const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    return { field: unknownKey ? (path ? `${path}.${unknownKey}` : unknownKey) : path || 'en-tête', message: issue.message };
  });
}
