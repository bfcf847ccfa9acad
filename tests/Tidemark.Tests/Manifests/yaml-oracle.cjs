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

function commentsOf(source) {
  const comments = [];
  const walk = (token) => {
    if (Array.isArray(token)) {
      token.forEach(walk);
    } else if (token && typeof token === 'object') {
      if (token.type === 'comment') {
        comments.push({ start: token.offset, text: token.source });
      }
      for (const value of Object.values(token)) {
        if (value && typeof value === 'object') walk(value);
      }
    }
  };
  for (const token of new YAML.Parser().parse(source)) walk(token);
  return comments.sort((a, b) => a.start - b.start);
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
