/**
 * The names our examples must use in Python, Java and Go, and the one correction jsii-rosetta's Python
 * needs.
 *
 * jsii-pacmak names a member in Python with codemaker's `toSnakeCase`, which keeps `KiB`, `MiB` and `GiB`
 * as one word: `memoryLimitMiB` is `memory_limit_mib`. jsii-rosetta, which translates the examples of
 * the README and of `@example` tags, snake-cases by itself and splits them: `memory_limit_mi_b`, a name
 * the package does not have. `fixPythonNames` puts pacmak's name back into a translation;
 * `checkTranslatedNames` reads the examples rendered for one language and lists every argument, setter
 * or struct field that names none of our types' members.
 */
import { createRequire } from 'module';
import { jsiiToPascalCase } from 'jsii-pacmak/lib/naming-util';
import { toPythonIdentifier } from 'jsii-pacmak/lib/targets/python/util';

/** codemaker, as the jsii-pacmak we build with loads it: its rules are the packages' names. */
const codemaker: { toSnakeCase(name: string): string; toCamelCase(...names: string[]): string } =
  createRequire(require.resolve('jsii-pacmak'))('codemaker');

/** A language whose examples jsii-rosetta translates and `checkTranslatedNames` reads. */
export type TargetLanguage = 'python' | 'java' | 'go';

/** The name jsii-pacmak gives a jsii property, parameter or method in `language`. */
export function realName(jsiiName: string, language: TargetLanguage): string {
  switch (language) {
    case 'python': return toPythonIdentifier(codemaker.toSnakeCase(jsiiName));
    case 'java': return codemaker.toCamelCase(jsiiName);
    case 'go': return jsiiToPascalCase(jsiiName);
  }
}

/**
 * The name jsii-rosetta writes for a TypeScript identifier in Python: `mangleIdentifier` of its
 * lib/languages/python.js, which inserts `_` at each lowercase-to-uppercase step and before the last
 * capital of a run. If rosetta changes it, `checkTranslatedNames` says which names went wrong.
 */
export function rosettaPythonName(identifier: string): string {
  if (/^[A-Z]/.test(identifier)) {
    return identifier;
  }
  const cased = identifier
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
  return cased === 'lambda' ? 'lambda_' : cased;
}

/**
 * Puts into a Python translation the Python name of each identifier of its TypeScript source that
 * rosetta snake-cased differently from pacmak. A local variable gets the new name everywhere, so it
 * stays one variable.
 */
export function fixPythonNames(python: string, typescript: string): string {
  const renames = new Map<string, string>();
  for (const identifier of typescript.match(/\b[a-z_][A-Za-z0-9_]*/g) ?? []) {
    const guessed = rosettaPythonName(identifier);
    const real = realName(identifier, 'python');
    // Keywords aside (rosetta leaves `from` as is, pacmak writes `from_`): a bare keyword in a
    // translation is the keyword itself as often as the name.
    if (guessed !== real && toPythonIdentifier(guessed) === guessed) {
      renames.set(guessed, real);
    }
  }
  return renames.size === 0 ? python : python.replace(/\b[a-z_][a-z0-9_]*\b/g, word => renames.get(word) ?? word);
}

/** What of a jsii assembly `checkTranslatedNames` reads. */
export interface Assembly {
  readonly types: { readonly [fqn: string]: JsiiType };
}

/** A jsii type, with only the fields `checkTranslatedNames` reads. */
export interface JsiiType {
  readonly kind: string;
  readonly name: string;
  readonly datatype?: boolean;
  readonly interfaces?: string[];
  readonly properties?: { readonly name: string }[];
  readonly initializer?: JsiiCallable;
  readonly methods?: (JsiiCallable & { readonly name: string })[];
}

interface JsiiCallable {
  readonly parameters?: { readonly name: string; readonly type: { readonly fqn?: string } }[];
}

/** One name, in one example, that the package does not have. */
export interface NameProblem {
  /** The name the example uses. */
  readonly name: string;
  /** What is wrong, and the name the package has. */
  readonly message: string;
  /** The example's code. */
  readonly example: string;
}

/** How many names were checked, and which were wrong. */
export interface NameCheck {
  readonly checked: number;
  readonly problems: NameProblem[];
}

/**
 * Reads every example of a jsii-docgen document rendered for `language` with `--readme` (the README's
 * code blocks, and the `*Example*` blocks of the API reference) and checks each name given to one of
 * the assembly's classes, methods or structs: Python keyword arguments, Java builder setters and Go
 * struct fields. In Python, no name may be one that rosetta guessed wrong, wherever it is.
 */
export function checkTranslatedNames(markdown: string, language: TargetLanguage, assembly: Assembly): NameCheck {
  const targets = namedTargets(assembly, language);
  const problems: NameProblem[] = [];
  let checked = 0;
  for (const example of examples(markdown, language)) {
    for (const target of targets) {
      for (const { name, where } of target.find(example)) {
        checked++;
        if (!target.names.has(name)) {
          problems.push({ name, message: `\`${name}\` given to \`${where}\`: ${closest(name, target.names)}`, example });
        }
      }
    }
    if (language === 'python') {
      problems.push(...misspelledAnywhere(example, assembly));
    }
  }
  return { checked, problems };
}

/** A place in an example where names are given, and the names the package has there. */
interface NamedTarget {
  readonly names: ReadonlySet<string>;
  find(example: string): { name: string; where: string }[];
}

function namedTargets(assembly: Assembly, language: TargetLanguage): NamedTarget[] {
  const targets: NamedTarget[] = [];
  const methods = new Map<string, Set<string>>();
  for (const type of Object.values(assembly.types)) {
    if (type.kind === 'interface' && type.datatype) {
      targets.push(namedTarget(language, 'struct', type.name, structNames(assembly, type, language)));
    }
    if (type.kind === 'class' && type.initializer) {
      const names = callableNames(assembly, type.initializer, language);
      if (names) {
        targets.push(namedTarget(language, 'class', type.name, names));
      }
    }
    // Java and Go pass a method's options as a builder or a struct literal, which the struct's target reads.
    for (const method of language === 'python' ? type.methods ?? [] : []) {
      const names = callableNames(assembly, method, language);
      const methodName = realName(method.name, language);
      if (names) {
        // Two of our classes may have a method of one name (addService): either's names will do.
        methods.set(methodName, new Set([...methods.get(methodName) ?? [], ...names]));
      }
    }
  }
  for (const [method, names] of methods) {
    targets.push({ names, find: example => pythonKeywords(example, new RegExp(`\\.${method}\\(`, 'g')) });
  }
  return targets;
}

/** Where each language names the members of a class's props or of a struct. */
function namedTarget(language: TargetLanguage, kind: 'class' | 'struct', typeName: string, names: Set<string>): NamedTarget {
  switch (language) {
    case 'python':
      return { names, find: example => pythonKeywords(example, new RegExp(`(?<![\\w])${typeName}\\(`, 'g')) };
    case 'java': {
      const opening = kind === 'class' ? `${typeName}\\.Builder\\.create\\(` : `${typeName}\\.builder\\(`;
      return { names, find: example => javaSetters(example, new RegExp(`(?<![\\w])${opening}`, 'g')) };
    }
    case 'go':
      // Our constructors take a pointer to the props struct: the struct literal carries the names.
      return kind === 'struct'
        ? { names, find: example => goFields(example, new RegExp(`&(?:\\w+\\.)?${typeName}\\{`, 'g')) }
        : { names: new Set(), find: () => [] };
  }
}

/** The names a call takes: its parameters, and when the last is one of our structs, that struct's members. */
function callableNames(assembly: Assembly, callable: JsiiCallable, language: TargetLanguage): Set<string> | undefined {
  const parameters = callable.parameters ?? [];
  const last = parameters[parameters.length - 1];
  const struct = last?.type.fqn ? assembly.types[last.type.fqn] : undefined;
  if (last?.type.fqn && !struct) {
    // A struct of another assembly (aws-cdk-lib's MetricOptions): its names are not in ours.
    return undefined;
  }
  const names = new Set(parameters.map(parameter => realName(parameter.name, language)));
  return struct?.datatype ? new Set([...names, ...structNames(assembly, struct, language)]) : names;
}

/** A struct's members with those of the structs it extends. */
function structNames(assembly: Assembly, struct: JsiiType, language: TargetLanguage): Set<string> {
  const names = new Set((struct.properties ?? []).map(property => realName(property.name, language)));
  for (const base of struct.interfaces ?? []) {
    const baseType = assembly.types[base];
    if (baseType) {
      structNames(assembly, baseType, language).forEach(name => names.add(name));
    }
  }
  return names;
}

/** What the package has in place of a wrong name: the same letters, or else every name it takes there. */
function closest(name: string, names: ReadonlySet<string>): string {
  const letters = (text: string) => text.replace(/_/g, '').toLowerCase();
  const same = [...names].find(candidate => letters(candidate) === letters(name));
  return same ? `the package's name is \`${same}\`` : `the package has only ${[...names].sort().join(', ')}`;
}

/** In Python, names rosetta guessed wrong for members of the assembly, anywhere in an example. */
function misspelledAnywhere(example: string, assembly: Assembly): NameProblem[] {
  const problems: NameProblem[] = [];
  for (const jsiiName of memberNames(assembly)) {
    const guessed = rosettaPythonName(jsiiName);
    const real = realName(jsiiName, 'python');
    if (guessed !== real && new RegExp(`\\b${guessed}\\b`).test(example)) {
      problems.push({ name: guessed, message: `\`${guessed}\` is rosetta's name for \`${jsiiName}\`; the package's is \`${real}\``, example });
    }
  }
  return problems;
}

function memberNames(assembly: Assembly): Set<string> {
  const names = new Set<string>();
  for (const type of Object.values(assembly.types)) {
    (type.properties ?? []).forEach(property => names.add(property.name));
    for (const callable of [type.initializer, ...type.methods ?? []]) {
      (callable?.parameters ?? []).forEach(parameter => names.add(parameter.name));
    }
    (type.methods ?? []).forEach(method => names.add(method.name));
  }
  return names;
}

/** The code of each example in a rendered document: the README's blocks and the API reference's `*Example*` blocks. */
export function examples(markdown: string, language: TargetLanguage): string[] {
  const apiReference = markdown.search(/^# API Reference/m);
  const readme = apiReference < 0 ? markdown : markdown.slice(0, apiReference);
  const reference = apiReference < 0 ? '' : markdown.slice(apiReference);
  const fence = (prefix: string) => new RegExp(`${prefix}^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, 'gm');
  return [
    ...[...readme.matchAll(fence(''))].map(match => match[1]),
    ...[...reference.matchAll(fence('^\\*Example\\*\\n\\n'))].map(match => match[1]),
  ];
}

/** The keyword arguments of each call that `opening` finds (it ends at the call's `(`). */
function pythonKeywords(code: string, opening: RegExp): { name: string; where: string }[] {
  return [...code.matchAll(opening)].flatMap(match => {
    const start = match.index! + match[0].length;
    return topLevelParts(code, start, ')', '#')
      .map(part => /^(?:\s|#[^\n]*\n)*([A-Za-z_]\w*)\s*=(?!=)/.exec(part)?.[1])
      .filter((name): name is string => name !== undefined)
      .map(name => ({ name, where: match[0] }));
  });
}

/** The setters of each Java builder that `opening` finds, up to its `.build()`. */
function javaSetters(code: string, opening: RegExp): { name: string; where: string }[] {
  return [...code.matchAll(opening)].flatMap(match => {
    const setters: { name: string; where: string }[] = [];
    let position = closingIndex(code, match.index! + match[0].length, ')', '//') + 1;
    for (;;) {
      const setter = /^(?:\s|\/\/[^\n]*\n)*\.(\w+)\(/.exec(code.slice(position));
      if (!setter || setter[1] === 'build') {
        return setters;
      }
      setters.push({ name: setter[1], where: match[0] });
      position = closingIndex(code, position + setter[0].length, ')', '//') + 1;
    }
  });
}

/** The field names of each Go struct literal that `opening` finds. */
function goFields(code: string, opening: RegExp): { name: string; where: string }[] {
  return [...code.matchAll(opening)].flatMap(match =>
    topLevelParts(code, match.index! + match[0].length, '}', '//')
      .map(part => /^(?:\s|\/\/[^\n]*\n)*(\w+)\s*:/.exec(part)?.[1])
      .filter((name): name is string => name !== undefined)
      .map(name => ({ name, where: match[0] })));
}

/** The comma-separated parts of a bracketed list whose opening bracket ends just before `start`. */
function topLevelParts(code: string, start: number, closing: string, comment: string): string[] {
  const end = closingIndex(code, start, closing, comment);
  const parts: string[] = [];
  let depth = 0;
  let partStart = start;
  for (let i = start; i < end; i = skip(code, i, comment) + 1) {
    const char = code[i];
    if ('([{'.includes(char)) depth++;
    if (')]}'.includes(char)) depth--;
    if (char === ',' && depth === 0) {
      parts.push(code.slice(partStart, i));
      partStart = i + 1;
    }
  }
  parts.push(code.slice(partStart, end));
  return parts;
}

/** The index of the bracket that closes the list starting at `start`, skipping strings and comments. */
function closingIndex(code: string, start: number, closing: string, comment: string): number {
  let depth = 0;
  for (let i = start; i < code.length; i = skip(code, i, comment) + 1) {
    const char = code[i];
    if ('([{'.includes(char)) depth++;
    if (')]}'.includes(char)) {
      if (depth === 0 && char === closing) return i;
      depth--;
    }
  }
  throw new Error(`no closing ${closing} after: ${code.slice(start, start + 80)}`);
}

/** The last index of the string or comment that starts at `i`, or `i` itself. */
function skip(code: string, i: number, comment: string): number {
  if (code.startsWith(comment, i)) {
    const end = code.indexOf('\n', i);
    return end < 0 ? code.length : end;
  }
  const quote = code[i];
  if (quote !== '"' && quote !== "'" && quote !== '`') {
    return i;
  }
  let j = i + 1;
  while (j < code.length && code[j] !== quote) {
    j += code[j] === '\\' ? 2 : 1;
  }
  return j;
}
