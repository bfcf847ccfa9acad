// The second YAML parser of the differential test (YamlDifferentialTests): eemeli/yaml, npm "yaml" 2.9.1,
// installed by scripts/ensure-npm.sh. Usage: node yaml-oracle.cjs YAML_MODULE_DIR LIST_FILE
// LIST_FILE holds one path a line. Prints one JSON array, one object per file:
//   { file, valid, errors: [text], scalars: [{start, end, value}], aliases: [{start, end, name}],
//     comments: [{start, text}] }
// Offsets are indexes into the JavaScript string of the file read as UTF-8 (UTF-16 code units, a BOM is one).
// A scalar's start is its text's first character (its quote or block indicator, after any &anchor or !tag),
// its end is range[1]: after the closing quote, or after a block scalar's content. The failsafe schema keeps
// every value a string, as YamlDotNet's parser gives it (no 1.1/1.2 resolution of true, 0x1F or null).
'use strict';
const fs = require('fs');
const YAML = require(process.argv[2]);

// Comments come from yaml's lexer, whose tokens are the source cut into pieces (plus a few control characters
// that stand for no text): its CST parser drops a comment line after an empty mapping value that ends a document
// ("k:\n\n# c\n---"), so the CST is not lossless there. A token starting with '#' is a comment, except the body
// of a block scalar whose content is not indented (only possible for a root block scalar, which the generator
// never writes).
const CONTROL = new Set(['\x02', '\x18', '\x1f']);

function commentsOf(source) {
  const comments = [];
  let offset = 0;
  for (const token of new YAML.Lexer().lex(source)) {
    if (CONTROL.has(token)) continue;
    if (token.startsWith('#')) comments.push({ start: offset, text: token });
    offset += token.length;
  }
  if (offset !== source.length) throw new Error(`the lexer's tokens cover ${offset} of ${source.length} characters`);
  return comments;
}

function read(file) {
  const source = fs.readFileSync(file, 'utf8');
  const result = { file, valid: true, errors: [], scalars: [], aliases: [], comments: [] };
  for (const doc of YAML.parseAllDocuments(source, { schema: 'failsafe' })) {
    for (const error of doc.errors) {
      result.valid = false;
      result.errors.push(`${error.code} ${error.message.split('\n')[0]}`);
    }
    YAML.visit(doc, {
      Scalar(_, node) {
        result.scalars.push({ start: node.range[0], end: node.range[1], value: String(node.value ?? '') });
      },
      Alias(_, node) {
        result.aliases.push({ start: node.range[0], end: node.range[1], name: node.source });
      },
    });
  }
  if (result.valid) result.comments = commentsOf(source);
  return result;
}

const files = fs.readFileSync(process.argv[3], 'utf8').split('\n').filter((line) => line.length > 0);
process.stdout.write(JSON.stringify(files.map(read)));
