import { TemplateKindError } from '../messages/errors.js';

/** A kind folder that cannot be used (kind.yaml, body.hbs), with the file and the problems in it: exit 3. */
export class KindError extends TemplateKindError {}
