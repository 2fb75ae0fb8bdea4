import { apiMessages } from './api.js';
import { batchMessages } from './batch.js';
import { checkMessages } from './check.js';
import { cliMessages } from './cli.js';
import { composeMessages } from './compose.js';
import { electronicMessages } from './electronic.js';
import { fontsMessages } from './fonts.js';
import { frameMessages } from './frame.js';
import { limitsMessages } from './limits.js';
import { loadMessages } from './load.js';
import { markupMessages } from './markup.js';
import { modelMessages } from './model.js';
import { pipelineMessages } from './pipeline.js';
import { profileMessages } from './profile.js';
import { serveMessages } from './serve.js';
import { sheetMessages } from './sheets.js';
import { signMessages } from './sign.js';

/**
 * The message catalogue: every user-facing sentence of baocao, Vietnamese and English side by
 * side, one module per area. Code words a message with `say(lang, <area>Messages.<key>, …args)`;
 * this object gathers the areas so a test can word every entry and a schema can refer to one by
 * name (src/messages/ref.ts). A new area is one module, one import and one line below.
 */
export const catalogue = {
  api: apiMessages,
  batch: batchMessages,
  check: checkMessages,
  cli: cliMessages,
  compose: composeMessages,
  electronic: electronicMessages,
  fonts: fontsMessages,
  frame: frameMessages,
  limits: limitsMessages,
  load: loadMessages,
  markup: markupMessages,
  model: modelMessages,
  pipeline: pipelineMessages,
  profile: profileMessages,
  serve: serveMessages,
  sheets: sheetMessages,
  sign: signMessages,
};

export type Catalogue = typeof catalogue;
export type Area = keyof Catalogue;

export type { Lang, Message, Messages } from './types.js';
export { say } from './types.js';
