import { conditionProblems } from '../../core/conditions/validate.ts';
import { compileContent } from '../../core/content/compile.ts';
import { ApiError } from '../../http/errors.ts';
import { type Message, MessageInput } from '../../schema/message.ts';

/** The author-editable part of a stored message, for merging a PATCH. */
export function inputOf(message: Message): MessageInput {
  const input: Record<string, unknown> = {};
  for (const key of Object.keys(MessageInput.shape)) {
    const value = message[key as keyof Message];
    if (value !== undefined) input[key] = value;
  }
  return MessageInput.parse(input);
}

/** Rules zod cannot see: the display must suit the kind, surveys need a scale, the audience must be valid. */
function problems(input: MessageInput): Record<string, string> {
  const fields: Record<string, string> = {};
  const anchored = 'anchor' in input.display;
  if (input.kind === 'tooltip' && !anchored) fields.display = 'a tooltip needs { anchor, placement }';
  if (input.kind !== 'tooltip' && anchored)
    fields.display = 'only a tooltip is anchored; use { style: modal | banner | slideout }';
  if (input.kind === 'survey' && input.survey === undefined) fields.survey = 'a survey needs { scale }';
  if (input.kind !== 'survey' && input.survey !== undefined) fields.survey = 'only a survey has a scale';
  const audience = conditionProblems(input.audience);
  if (audience.length > 0) fields.audience = audience.join('; ');
  if (input.schedule.start && input.schedule.end && input.schedule.start >= input.schedule.end) {
    fields['schedule.end'] = 'the end must come after the start';
  }
  if (input.defaultLocale !== undefined && input.content[input.defaultLocale] === undefined) {
    fields.defaultLocale = 'the default locale needs content';
  }
  return fields;
}

/**
 * Validates an input and compiles its content into a stored message (CONVENTIONS #6: everything is checked
 * on save, so decide never meets an invalid condition or unsafe content). Throws a 400 naming each field.
 */
export function buildMessage(
  input: MessageInput,
  base: Omit<Message, keyof MessageInput | 'compiled'>,
): Message {
  const fields = problems(input);
  const compiled = compileContent(input.content);
  if (!compiled.ok) {
    for (const p of compiled.problems) {
      const [path = '', ...rest] = p.split(': ');
      fields[`content.${path}`] = rest.join(': ') || p;
    }
  }
  const first = Object.entries(fields)[0];
  if (first !== undefined)
    throw new ApiError(400, 'invalid_message', `invalid message: ${first[0]}: ${first[1]}`, fields);
  if (!compiled.ok) throw new ApiError(400, 'invalid_message', 'invalid message content');
  return { ...base, ...input, compiled: compiled.content };
}
