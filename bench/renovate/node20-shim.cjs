// Renovate 44 asks for Node 24; this machine has Node 20. The few Node 22+ built-ins it reaches while extracting
// (the Set methods) are added here, so the same version can be measured offline. Loaded with node --require.
'use strict';
const define = (name, fn) => {
  if (typeof Set.prototype[name] !== 'function') {
    Object.defineProperty(Set.prototype, name, { value: fn, writable: true, configurable: true });
  }
};
const keys = (other) => (other instanceof Set ? [...other] : [...other.keys()]);
define('union', function (other) { return new Set([...this, ...keys(other)]); });
define('intersection', function (other) { const o = new Set(keys(other)); return new Set([...this].filter((x) => o.has(x))); });
define('difference', function (other) { const o = new Set(keys(other)); return new Set([...this].filter((x) => !o.has(x))); });
define('symmetricDifference', function (other) {
  const o = new Set(keys(other));
  return new Set([...[...this].filter((x) => !o.has(x)), ...[...o].filter((x) => !this.has(x))]);
});
define('isSubsetOf', function (other) { const o = new Set(keys(other)); return [...this].every((x) => o.has(x)); });
define('isSupersetOf', function (other) { return keys(other).every((x) => this.has(x)); });
define('isDisjointFrom', function (other) { return keys(other).every((x) => !this.has(x)); });
if (typeof RegExp.escape !== 'function') {
  // enough for literal use inside a pattern: every syntax character and separator escaped
  RegExp.escape = (s) => String(s).replace(/[\\^$.*+?()[\]{}|/\-,=<>#&!%:;@~'`"]/g, '\\$&').replace(/\s/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
